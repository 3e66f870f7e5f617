#!/bin/sh
# tests/fuzz/toolchain.sh CC - can CC build a libFuzzer harness? If not,
# say which Debian package is missing and fail.
cc=${1:-clang}
if ! command -v "$cc" >/dev/null 2>&1; then
	echo "fuzz: '$cc' not found: install clang (Debian: apt-get install clang libclang-rt-dev)" >&2
	exit 1
fi
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
printf '%s\n' '#include <stddef.h>' '#include <stdint.h>' \
	'int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n);' \
	'int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) { (void)d; (void)n; return 0; }' \
	>"$tmp/t.c"
if ! "$cc" -fsanitize=fuzzer,address,undefined -o "$tmp/t" "$tmp/t.c" >"$tmp/log" 2>&1; then
	cat "$tmp/log" >&2
	echo "fuzz: '$cc' cannot link a libFuzzer harness: the libFuzzer and sanitizer" >&2
	echo "fuzz: runtimes are missing. On Debian 12: apt-get install libclang-rt-dev" >&2
	echo "fuzz: (libclang-rt-14-dev for clang 14; it has libclang_rt.fuzzer-*.a)" >&2
	exit 1
fi
