#!/bin/sh
# tests/fakes.t - the platform fakes in tests/fake hold to the contract
# of ../shared/reference/ad-apis.md (tests/fake/selftest.py; TAP).
exec python3 "$(dirname "$0")/fake/selftest.py"
