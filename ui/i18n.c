/* i18n.c - choosing the message catalogue (i18n.h). */
#include "config.h"

#include "i18n.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define DOMAIN "pathak"

/* The locale the environment asks for, as setlocale() reads it. */
static const char *
asked(void)
{
	const char *v[] = { getenv("LC_ALL"), getenv("LC_MESSAGES"), getenv("LANG") };
	for (size_t i = 0; i < sizeof v / sizeof *v; i++)
		if (v[i] && *v[i])
			return v[i];
	return NULL;
}

void
i18n_init(int locale_ok)
{
	const char *want = asked();
	if (!locale_ok && want && (strstr(want, "UTF-8") || strstr(want, "utf8") ||
	                           strstr(want, "UTF8") || strstr(want, "utf-8"))) {
		/* hi_IN.UTF-8 asked for but not installed: UTF-8 all the same, and
		 * the messages in its language */
		if (setlocale(LC_ALL, "C.UTF-8")) {
			char lang[16];
			size_t n = strcspn(want, "_.@");
			if (n > 0 && n < sizeof lang && !getenv("LANGUAGE")) {
				memcpy(lang, want, n);
				lang[n] = 0;
				setenv("LANGUAGE", lang, 1);
			}
		}
	}
	const char *dirs[] = { getenv("PATHAK_LOCALEDIR"), LOCALEDIR, BUILD_LOCALEDIR };
	for (size_t i = 0; i < sizeof dirs / sizeof *dirs; i++) {
		char probe[4096];
		if (!dirs[i] || !*dirs[i])
			continue;
		/* a catalogue directory with pathak's Hindi in it */
		snprintf(probe, sizeof probe, "%s/hi/LC_MESSAGES/" DOMAIN ".mo", dirs[i]);
		if (i == 0 || access(probe, R_OK) == 0) {
			bindtextdomain(DOMAIN, dirs[i]);
			break;
		}
	}
	bind_textdomain_codeset(DOMAIN, "UTF-8");
	textdomain(DOMAIN);
}
