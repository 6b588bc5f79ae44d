/* fuzz_config.h - stands in for config.h when tests/fuzz/run.sh builds the
 * fuzz target with clang outside the autotools build. */
#define _GNU_SOURCE 1
#define PACKAGE_VERSION "fuzz"
/* where pk_ner_load_default() finds assets/ner.model (run.sh sets FUZZ_TOP) */
#ifdef FUZZ_TOP
#define SRCDIR_ASSETS FUZZ_TOP "/assets"
#define PKGDATADIR FUZZ_TOP "/assets"
#endif
/* no message catalogue: the interface's English (ui/i18n.c) */
#define LOCALEDIR "/nonexistent"
#define BUILD_LOCALEDIR "/nonexistent"
