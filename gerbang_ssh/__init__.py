"""`ekinerja ssh`: the terminal UI served over SSH (deploy/ssh.md).

server.py listens and authenticates, akun.py asks profil whose key it is,
sesi.py is one SSH session, anak.py its TUI process on a PTY of its own,
kunci_host.py the gateway's persistent host key.
"""
