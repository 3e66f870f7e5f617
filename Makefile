# jobmix - plain GNU Makefile.
#   make                 build ./jobmix
#   make demo            install missing Debian packages, build, plan the example,
#                        import its sample ad-manager and ATS exports into a
#                        store in a temporary folder, and report on it
#   make demo-report DEMO_STORE=FILE   the HTML report of a store against
#                        the example's plan (docs/report.md)
#   make check           build and run every test (TAP, run by prove)
#   make golden          rewrite tests/golden/*/ from ./jobmix (tests/golden/README)
#   make WERROR=1 ...    warnings are errors (CI)
#   make SANITIZE=address,undefined check   sanitizer build (make clean first)
#   make install PREFIX=/usr/local DESTDIR=...
#   make fuzz            run each libFuzzer harness FUZZ_SECONDS (60) (clang)
#   make fuzz-smoke      the same for 10 s each (CI)
#   make check-house     the house checks: one library one module, no
#                        include cycles, no unmarked function over 80 lines

CC       ?= cc
CFLAGS   ?= -O2 -g
PREFIX   ?= /usr/local
BINDIR   ?= $(PREFIX)/bin
MANDIR   ?= $(PREFIX)/share/man
DATADIR  ?= $(PREFIX)/share/jobmix
VERSION  := 0.1.0

PKGS      = libcjson sqlite3 libxml-2.0 libcurl
WARNINGS  = -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
            -Wmissing-prototypes -Wold-style-definition -Wvla \
            -Wwrite-strings -Wformat=2 -Wundef -Wimplicit-fallthrough
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null || echo -I/usr/include/libxml2)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null || echo -lcjson -lxml2 -lcurl)
ALL_CPPFLAGS = -Iinclude -D_POSIX_C_SOURCE=200809L -DJOBMIX_DATADIR='"$(DATADIR)"' \
               -DJOBMIX_VERSION='"$(VERSION)"' -MMD -MP $(PKG_CFLAGS) $(CPPFLAGS)
ALL_CFLAGS  = -std=c11 $(WARNINGS) $(CFLAGS)
ALL_LDFLAGS = $(LDFLAGS)
LDLIBS     += $(PKG_LIBS) -lglpk -lm

ifdef WERROR
ALL_CFLAGS += -Werror
endif
ifdef SANITIZE
ALL_CFLAGS  += -fsanitize=$(SANITIZE) -fno-sanitize-recover=all -fno-omit-frame-pointer
ALL_LDFLAGS += -fsanitize=$(SANITIZE)
endif

SRC   = $(sort $(wildcard src/*.c src/cmd/*.c))
OBJ   = $(SRC:.c=.o)
LIB   = $(filter-out src/main.o,$(OBJ))
TESTS = $(patsubst %.c,%.t,$(sort $(wildcard tests/unit/test_*.c)))
FORMATTED = $(wildcard include/*.h src/*.h src/*.c src/cmd/*.c tests/*.h \
              tests/unit/*.c tests/fuzz/*.c tests/fuzz/*.h)

all: jobmix

jobmix: $(OBJ)
	$(CC) $(ALL_LDFLAGS) -o $@ $(OBJ) $(LDLIBS)

%.o: %.c
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -c -o $@ $<

tests/unit/%.t: tests/unit/%.c $(LIB)
	$(CC) $(ALL_CPPFLAGS) -Itests $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $< $(LIB) $(LDLIBS)

# prove exits 0 on zero tests, so check depends on building every one.
check: jobmix $(TESTS)
	prove -f tests/unit/ tests/cli.t tests/export.t tests/golden.t tests/fakes.t \
		tests/report.t tests/browser.t tests/push.t tests/sync.t

# After a deliberate change of output only: then read `git diff tests/golden`.
golden: jobmix
	sh tests/golden.t --update

# The sample exports are made for the example (docs/import.md); the store
# goes to a new temporary folder, never into the tree.
DEMO_IMPORT = --store "$$d/jobmix.db"
demo:
	@sh tests/deps.sh
	@$(MAKE) --no-print-directory jobmix
	./jobmix plan audiences/electricians-umea.json
	@d=$$(mktemp -d "$${TMPDIR:-/tmp}/jobmix-demo.XXXXXX") && \
	echo && echo "Importing the example's sample exports into $$d/jobmix.db" && \
	./jobmix import metrics --platform meta --account 1234567890 \
		--timezone Europe/Stockholm $(DEMO_IMPORT) \
		audiences/metrics-meta-electricians-umea.csv && \
	./jobmix import ats $(DEMO_IMPORT) audiences/ats-electricians-umea.csv && \
	echo && $(MAKE) --no-print-directory demo-report DEMO_STORE="$$d/jobmix.db" && \
	echo "(the store stays in $$d; remove it with rm -r $$d)"

# The report step of the demo: the example's plan as JSON beside the
# store DEMO_STORE, then the HTML report of the store against it (the
# plan claims the imported rows; docs/report.md); its path is printed.
demo-report: jobmix
	@test -n "$(DEMO_STORE)" || { echo "usage: make demo-report DEMO_STORE=FILE" >&2; exit 64; }
	./jobmix plan audiences/electricians-umea.json --format json -o "$(DEMO_STORE).plan.json"
	./jobmix report --store "$(DEMO_STORE)" --plan "$(DEMO_STORE).plan.json"

# libFuzzer harnesses: the src/ objects (not main.o) built again with
# clang and coverage into tests/fuzz/obj/, so a normal build is untouched.
FUZZ_CC       ?= clang
FUZZ_SECONDS  ?= 60
FUZZ_NAMES     = audience catalogue csv config json feed throttle planfile \
                 import
FUZZ_SAN       = -fsanitize=address,undefined -fno-sanitize-recover=all
FUZZ_CFLAGS    = -std=c11 $(WARNINGS) -g -O1 -fno-omit-frame-pointer $(FUZZ_SAN)
FUZZ_OBJ       = $(patsubst src/%.c,tests/fuzz/obj/%.o,$(filter-out src/main.c,$(SRC)))
FUZZ_BIN       = $(FUZZ_NAMES:%=tests/fuzz/fuzz_%)

tests/fuzz/obj/%.o: src/%.c
	@mkdir -p $(@D)
	$(FUZZ_CC) $(ALL_CPPFLAGS) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<

tests/fuzz/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h $(FUZZ_OBJ)
	$(FUZZ_CC) $(ALL_CPPFLAGS) -MF tests/fuzz/obj/fuzz_$*.d $(FUZZ_CFLAGS) \
		-fsanitize=fuzzer -o $@ $< $(FUZZ_OBJ) $(LDLIBS)

# the objects are intermediate to make: keep them between runs
.SECONDARY: $(FUZZ_OBJ)

fuzz-build:
	@sh tests/fuzz/toolchain.sh $(FUZZ_CC)
	@$(MAKE) --no-print-directory $(FUZZ_BIN)

fuzz: fuzz-build
	sh tests/fuzz/run.sh $(FUZZ_SECONDS) $(FUZZ_NAMES)

fuzz-smoke: fuzz-build
	sh tests/fuzz/run.sh 10 $(FUZZ_NAMES)

check-house:
	bash tests/check-house.sh

format:
	clang-format -i $(FORMATTED)

format-check:
	clang-format --dry-run --Werror $(FORMATTED)

install: jobmix
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)
	install -m 755 jobmix $(DESTDIR)$(BINDIR)/jobmix
	install -m 644 audiences/channels.csv $(DESTDIR)$(DATADIR)/channels.csv
	install -d $(DESTDIR)$(DATADIR)/reports
	install -m 644 reports/frame.html reports/report.css $(DESTDIR)$(DATADIR)/reports/
	install -d $(DESTDIR)$(MANDIR)/man1
	install -m 644 docs/jobmix.1 $(DESTDIR)$(MANDIR)/man1/jobmix.1

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/jobmix $(DESTDIR)$(MANDIR)/man1/jobmix.1
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -f jobmix $(OBJ) $(OBJ:.o=.d) $(TESTS) $(TESTS:.t=.d)
	rm -rf tests/fuzz/obj $(FUZZ_BIN)

.PHONY: all check demo demo-report golden format format-check install uninstall clean \
        fuzz fuzz-build fuzz-smoke check-house
.DELETE_ON_ERROR:
-include $(OBJ:.o=.d) $(TESTS:.t=.d) $(wildcard tests/fuzz/obj/*.d tests/fuzz/obj/*/*.d)
