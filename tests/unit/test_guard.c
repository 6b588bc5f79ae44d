/* test_guard.c - ui/guard.c: a mapped file truncated under the reader reads
 * as zeros and is flagged; a fatal signal writes the "leave the screen"
 * bytes, puts the terminal modes back and kills with the same signal; file
 * stamps tell a rewrite from a replacement. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "doc.h"
#include "input.h"
#include "guard.h"

static char path[64];

/* A file of @p n bytes of text lines. */
static void
make_file(size_t n)
{
	snprintf(path, sizeof path, "/tmp/pathak-guard-%ld", (long)getpid());
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	for (size_t i = 0; i < n; i++)
		fputc(i % 64 == 63 ? '\n' : 'a' + (int)(i % 26), f);
	assert_int_equal(fclose(f), 0);
}

/* Truncated between two passes over the document: the second pass reads
 * zeros where the text was, without a SIGBUS, and the flag is up. */
static void
test_truncated_reads_zeros(void **state)
{
	(void)state;
	pk_input in;
	size_t mlen, n = 1u << 20;
	make_file(n);
	guard_init(false);
	assert_int_equal(pk_input_open(&in, path), PK_OK);
	const void *m = pk_input_mapping(&in, &mlen);
	assert_non_null(m);
	assert_int_equal(mlen, n);
	guard_map(m, mlen);
	pk_doc *d = pk_doc_new(&in);
	assert_non_null(d);
	while (!pk_doc_indexed(d))
		pk_doc_index_step(d, 1u << 16);
	assert_false(guard_map_faulted());
	assert_int_equal(in.bytes[n - 2], 'a' + (int)((n - 2) % 26));

	assert_int_equal(truncate(path, 1000), 0);
	/* every block read again, to the last byte */
	pk_block b;
	size_t blocks = 0, sum = 0;
	for (bool more = pk_doc_first(d, &b); more; more = pk_doc_next(d, &b, &b)) {
		for (size_t i = b.start; i < b.end; i++)
			sum += (unsigned char)in.bytes[i];
		blocks++;
	}
	assert_true(blocks > 1);
	assert_true(sum > 0);
	assert_true(guard_map_faulted());
	assert_int_equal(in.bytes[n - 2], 0);     /* cut off: zeros */
	assert_int_equal(in.bytes[10], 'a' + 10); /* kept: the text */
	pk_doc_free(d);
	guard_map(NULL, 0);
	pk_input_close(&in);
	unlink(path);
}

/* A SIGBUS outside the guarded range is a crash as before. */
static void
test_other_sigbus_kills(void **state)
{
	(void)state;
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		guard_init(false);
		guard_map(&pid, 1);
		raise(SIGBUS);
		_exit(0);
	}
	int st;
	assert_int_equal(waitpid(pid, &st, 0), pid);
	assert_true(WIFSIGNALED(st));
	assert_int_equal(WTERMSIG(st), SIGBUS);
}

/* Each fatal signal: the leave bytes are written once, and the process
 * dies of that signal (status 128 + n in a shell). */
static void
test_fatal_restores_and_reraises(void **state)
{
	(void)state;
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGUSR1, SIGALRM,
	                            SIGBUS, SIGSEGV };
	for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++) {
		int fds[2];
		assert_int_equal(pipe(fds), 0);
		pid_t pid = fork();
		assert_true(pid >= 0);
		if (pid == 0) {
			close(fds[0]);
			guard_init(true);
			guard_term(fds[1], NULL, "LEAVE", 5);
			kill(getpid(), sigs[i]);
			_exit(0);
		}
		close(fds[1]);
		char buf[16] = "";
		ssize_t k = read(fds[0], buf, sizeof buf - 1);
		close(fds[0]);
		int st;
		assert_int_equal(waitpid(pid, &st, 0), pid);
		assert_int_equal(k, 5);
		assert_string_equal(buf, "LEAVE");
		assert_true(WIFSIGNALED(st));
		assert_int_equal(WTERMSIG(st), sigs[i]);
	}
}

/* SIGQUIT is ignored in the pager; a signal ignored at start stays so. */
static void
test_quit_ignored(void **state)
{
	(void)state;
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		signal(SIGHUP, SIG_IGN);
		guard_init(true);
		raise(SIGQUIT);
		raise(SIGHUP);
		_exit(7);
	}
	int st;
	assert_int_equal(waitpid(pid, &st, 0), pid);
	assert_true(WIFEXITED(st));
	assert_int_equal(WEXITSTATUS(st), 7);
}

static void
test_stamps(void **state)
{
	(void)state;
	guard_stamp a, b;
	make_file(100);
	guard_stamp_get(path, &a);
	assert_true(a.ok);
	guard_stamp_get(path, &b);
	assert_false(guard_stamp_changed(&a, &b));
	assert_false(guard_stamp_rewritten(&a, &b));
	assert_int_equal(truncate(path, 50), 0);
	guard_stamp_get(path, &b);
	assert_true(guard_stamp_changed(&a, &b));
	assert_true(guard_stamp_rewritten(&a, &b));
	/* replaced: another inode at the path, the mapped one intact */
	char other[80];
	snprintf(other, sizeof other, "%s.new", path);
	FILE *f = fopen(other, "w");
	assert_non_null(f);
	fputs("new\n", f);
	fclose(f);
	guard_stamp_get(path, &a);
	assert_int_equal(rename(other, path), 0);
	guard_stamp_get(path, &b);
	assert_true(guard_stamp_changed(&a, &b));
	assert_false(guard_stamp_rewritten(&a, &b));
	unlink(path);
	guard_stamp_get(path, &b);
	assert_true(guard_stamp_changed(&a, &b));  /* gone */
	guard_stamp_get(NULL, &a);                 /* standard input */
	assert_false(guard_stamp_changed(&a, &b));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_truncated_reads_zeros),
		cmocka_unit_test(test_other_sigbus_kills),
		cmocka_unit_test(test_fatal_restores_and_reraises),
		cmocka_unit_test(test_quit_ignored),
		cmocka_unit_test(test_stamps),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
