/* main.c - options, input, and the event loop. */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <curses.h>

#include "colors.h"
#include "doc.h"
#include "input.h"
#include "pager.h"
#include "width.h"

#define EXIT_USAGE 2
#define SAMPLE "articles/seed.txt"

static void
usage(FILE *f)
{
	fputs(
"Usage: pathak [OPTION]... [FILE]\n"
"Read a Hindi (Devanagari) news article in the terminal.\n"
"With no FILE, read standard input if it is not a terminal, otherwise open\n"
"the bundled sample article.\n"
"\n"
"  -d, --dump          print the laid-out lines to standard output and exit\n"
"  -w, --width=N       widest text column in cells (default 80)\n"
"  -h, --help          display this help and exit\n"
"  -V, --version       output version information and exit\n"
"\n"
"Keys: j/k line, Space/b page, g/G start/end, ? help, q quit.\n"
"Exit status: 0 if OK, 1 on a runtime failure, 2 on a usage or input error.\n"
"\n"
"Report bugs to the pathak issue tracker.\n", f);
}

static void
version(void)
{
	printf("pathak %s\n"
	       "Copyright (C) 2026 the pathak authors.\n"
	       "License GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.\n"
	       "This is free software: you are free to change and redistribute it.\n"
	       "There is NO WARRANTY, to the extent permitted by law.\n", PACKAGE_VERSION);
}

/* The bundled article: $PATHAK_DATADIR, the installed copy, or the source tree. */
static const char *
sample_path(char *buf, size_t n)
{
	const char *dirs[] = { getenv("PATHAK_DATADIR"), PKGDATADIR, SRCDIR_ASSETS };
	for (size_t i = 0; i < sizeof dirs / sizeof *dirs; i++) {
		if (!dirs[i] || !*dirs[i])
			continue;
		snprintf(buf, n, "%s/%s", dirs[i], SAMPLE);
		if (access(buf, R_OK) == 0)
			return buf;
	}
	return NULL;
}

static int
run_curses(pk_doc *doc, const pager_opts *po, bool keys_from_tty)
{
	FILE *tty = NULL;
	SCREEN *scr;
	pager *p;

	if (keys_from_tty) {
		/* Input came down a pipe: keys come from the terminal, as in less. */
		tty = fopen("/dev/tty", "r");
		if (!tty) {
			fprintf(stderr, "pathak: cannot open /dev/tty for keys: %s\n", strerror(errno));
			return EXIT_FAILURE;
		}
	}
	scr = newterm(NULL, stdout, tty ? tty : stdin);
	if (!scr) {
		fprintf(stderr, "pathak: cannot use this terminal (TERM=%s)\n",
		        getenv("TERM") ? getenv("TERM") : "");
		if (tty)
			fclose(tty);
		return EXIT_FAILURE;
	}
	set_escdelay(25);
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	curs_set(0);
	colors_init();

	p = pager_new(doc, po);
	if (!p) {
		endwin();
		delscreen(scr);
		fputs("pathak: out of memory\n", stderr);
		return EXIT_FAILURE;
	}
	for (;;) {
		pager_draw(p);
		refresh();
		/* While the paragraph index is incomplete, poll so that idle time
		 * builds it; then block on the keyboard. */
		bool idle = pk_doc_indexed(doc);
		timeout(idle ? -1 : 0);
		int ch = getch();
		if (ch == ERR) {
			if (!idle) {
				pager_idle(p);
				continue;
			}
			break;  /* the terminal went away */
		}
		if (!pager_key(p, ch))
			break;
	}
	pager_free(p);
	endwin();
	delscreen(scr);
	if (tty)
		fclose(tty);
	return EXIT_SUCCESS;
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "dump", no_argument, NULL, 'd' },
		{ "width", required_argument, NULL, 'w' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	bool dump = false;
	int width = 80, c;
	char pathbuf[PATH_MAX];
	const char *path = NULL, *name;
	pk_input in;
	pk_status st;
	pk_doc *doc;
	int rc;

	setlocale(LC_ALL, "");
	width_init();
	while ((c = getopt_long(argc, argv, "dw:hV", longopts, NULL)) != -1) {
		switch (c) {
		case 'd':
			dump = true;
			break;
		case 'w': {
			char *end;
			long v = strtol(optarg, &end, 10);
			if (*end || v < 1 || v > 10000) {
				fprintf(stderr, "pathak: invalid width '%s' (1 to 10000)\n", optarg);
				return EXIT_USAGE;
			}
			width = (int)v;
			break;
		}
		case 'h':
			usage(stdout);
			return EXIT_SUCCESS;
		case 'V':
			version();
			return EXIT_SUCCESS;
		default:
			fputs("Try 'pathak --help' for more information.\n", stderr);
			return EXIT_USAGE;
		}
	}
	if (argc - optind > 1) {
		fputs("pathak: only one FILE may be given\n"
		      "Try 'pathak --help' for more information.\n", stderr);
		return EXIT_USAGE;
	}
	if (optind < argc && strcmp(argv[optind], "-") != 0) {
		path = argv[optind];
		st = pk_input_open(&in, path);
		name = path;
	} else if (optind < argc || !isatty(STDIN_FILENO)) {
		st = pk_input_read_fd(&in, STDIN_FILENO);
		name = "(stdin)";
	} else {
		path = sample_path(pathbuf, sizeof pathbuf);
		if (!path) {
			fputs("pathak: the bundled sample article was not found; give a FILE\n", stderr);
			return EXIT_USAGE;
		}
		st = pk_input_open(&in, path);
		name = path;
	}
	if (st != PK_OK) {
		fprintf(stderr, "pathak: %s: %s\n", path ? path : "(stdin)",
		        st == PK_ERR_ISDIR ? "Is a directory" :
		        st == PK_ERR_NOTFILE ? "not a regular file" : strerror(errno));
		return EXIT_USAGE;
	}
	doc = pk_doc_new(&in);
	if (!doc) {
		fputs("pathak: out of memory\n", stderr);
		pk_input_close(&in);
		return EXIT_FAILURE;
	}

	if (dump || !isatty(STDOUT_FILENO)) {
		/* Like less, a pager whose output is not a terminal just prints. */
		rc = pager_dump(doc, width, WIDTH_WCWIDTH, stdout) == 0 && fflush(stdout) == 0
		     ? EXIT_SUCCESS : EXIT_FAILURE;
		if (rc != EXIT_SUCCESS)
			fprintf(stderr, "pathak: write error: %s\n", strerror(errno));
	} else {
		pager_opts po = { .width = width, .model = WIDTH_WCWIDTH, .name = name };
		rc = run_curses(doc, &po, !path || !isatty(STDIN_FILENO));
	}
	pk_doc_free(doc);
	pk_input_close(&in);
	return rc;
}
