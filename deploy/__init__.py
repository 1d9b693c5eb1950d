"""Deployment helpers; see deploy/README.md."""
