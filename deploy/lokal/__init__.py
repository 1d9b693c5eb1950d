"""Local multi-process layout: replicas of every service behind one nginx gRPC
address (`python -m deploy.lokal start`; deploy/README.md)."""
