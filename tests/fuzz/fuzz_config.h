/* fuzz_config.h - stands in for config.h when tests/fuzz/run.sh builds the
 * fuzz target with clang outside the autotools build. */
#define _GNU_SOURCE 1
#define PACKAGE_VERSION "fuzz"
