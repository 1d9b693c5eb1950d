from services.shared.migrations import run_env
from services.skp.store.models import Base

run_env(Base.metadata)
