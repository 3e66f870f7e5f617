#!/bin/sh
# tests/sync.t - jobmix sync against the platform fakes in tests/fake:
# the store ends equal to the fake's data to the minor unit after every
# failure mode (tests/sync/run.py; TAP).
exec python3 "$(dirname "$0")/sync/run.py"
