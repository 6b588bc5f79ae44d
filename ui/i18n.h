/*
 * i18n.h - the interface's language: help, status line, prompts and
 * messages go through gettext (po/hi.po holds the Hindi); English is the
 * source.  What pathak prints for other programs (--json, --dump, the
 * manual's KEYS section) stays English.
 */
#ifndef PATHAK_I18N_H
#define PATHAK_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
/** A string marked for translation where it is written, translated where
 * it is shown (tables). */
#define N_(s) (s)

/**
 * After setlocale(LC_ALL, ""): find the message catalogue ($PATHAK_LOCALEDIR,
 * the installed one, or the build tree's po/) and choose it.  When the
 * locale asked for (LANG=hi_IN.UTF-8) is not installed, setlocale() failed:
 * a UTF-8 one is then taken as C.UTF-8 with its language kept (LANGUAGE),
 * so that the terminal is still known to be UTF-8 and the messages are
 * still in that language.  @p locale_ok: what setlocale() returned was
 * not NULL.
 */
void i18n_init(int locale_ok);

#endif
