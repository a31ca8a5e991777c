"""Tests of the notebook runner: its checks on notebook content, and (with the project kernel installed, as
`bin/notebooks selftest` does) that each failure mode really fails and that a kernel which never answers is
restarted, boundedly. Run: bin/notebooks selftest
"""
import asyncio
import json
import os
import shutil
import sys
import tempfile
import time
import unittest
from pathlib import Path

import nbformat
from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

sys.path.insert(0, str(Path(__file__).resolve().parent))
import run_notebooks as runner  # noqa: E402

KERNEL = "faster-java"


def notebook(*cells):
    return new_notebook(cells=[new_code_cell(c) if isinstance(c, str) else c for c in cells],
                        metadata={"kernelspec": {"name": KERNEL, "display_name": KERNEL, "language": "java"}})


def with_outputs(code, *outputs):
    cell = new_code_cell(code)
    cell.outputs = list(outputs)
    return cell


PNG = new_output("display_data", data={"image/png": "iVBORw0KGgo="})
VERIFIED = new_output("stream", name="stdout", text="preparing\nverified: 03-x equals the baseline on 100 sets\n")


class ContentChecks(unittest.TestCase):
    def test_clean_notebook_has_no_committed_output_problems(self):
        self.assertEqual([], runner.committed_output_problems(notebook("1 + 1", new_markdown_cell("# t"))))

    def test_outputs_and_execution_counts_are_reported_by_cell(self):
        dirty = notebook("1", with_outputs("2", new_output("stream", name="stdout", text="2")))
        dirty.cells[0].execution_count = 4
        self.assertEqual(["cell 1 has an execution count", "cell 2 has outputs"],
                         runner.committed_output_problems(dirty))

    def test_strip_removes_outputs_and_counts(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp, "n.ipynb")
            dirty = notebook(with_outputs("2", PNG))
            dirty.cells[0].execution_count = 1
            nbformat.write(dirty, path)
            self.assertTrue(runner.strip_outputs(path))
            self.assertEqual([], runner.committed_output_problems(nbformat.read(path, as_version=4)))
            self.assertFalse(runner.strip_outputs(path))

    def test_stderr_errors_that_did_not_raise_are_found(self):
        for text in ["java.lang.IllegalStateException: swallowed\n\tat Foo.bar(Foo.java:3)\n",
                     "Exception in thread \"x\" java.lang.OutOfMemoryError: Java heap space\n",
                     "\tat fasterjava.corrset.Step05.compute(Step05.java:10)\n",
                     "error: cannot find symbol\n",
                     "progress 50%\nFAILED: 3 sets differ\n"]:
            with self.subTest(text=text):
                nb = notebook(with_outputs("x", new_output("stream", name="stderr", text=text)))
                self.assertEqual(1, len(runner.stderr_problems(nb)))

    def test_progress_and_logging_on_stderr_are_allowed(self):
        for text in ["loading 10%\n", "generating data/generated/x.json (60000 users)...\n",
                     "no errors so far; error rate 0\n"]:
            with self.subTest(text=text):
                nb = notebook(with_outputs("x", new_output("stream", name="stderr", text=text)))
                self.assertEqual([], runner.stderr_problems(nb))

    def test_error_text_on_stdout_is_not_a_stderr_problem(self):
        nb = notebook(with_outputs("x", new_output("stream", name="stdout", text="IllegalStateException\n")))
        self.assertEqual([], runner.stderr_problems(nb))

    def test_step_notebooks_are_named_nn_slug_from_01(self):
        self.assertTrue(runner.is_step_notebook(Path("corrset/01-tablesaw-baseline.ipynb")))
        self.assertTrue(runner.is_step_notebook(Path("12-simd.ipynb")))
        self.assertFalse(runner.is_step_notebook(Path("corrset/00-overview.ipynb")))
        self.assertFalse(runner.is_step_notebook(Path("corrset/scratch.ipynb")))
        self.assertFalse(runner.is_step_notebook(Path("corrset/1-x.ipynb")))

    def test_a_step_needs_a_chart_and_the_verified_line(self):
        self.assertEqual([], runner.step_problems(notebook(with_outputs("a", VERIFIED), with_outputs("b", PNG))))
        self.assertEqual(1, len(runner.step_problems(notebook(with_outputs("a", VERIFIED)))))
        self.assertEqual(1, len(runner.step_problems(notebook(with_outputs("b", PNG)))))
        not_at_line_start = new_output("stream", name="stdout", text="not verified: yet\n")
        self.assertEqual(1, len(runner.step_problems(notebook(with_outputs("a", not_at_line_start),
                                                              with_outputs("b", PNG)))))

    def test_the_verified_line_may_come_as_a_rich_text_result(self):
        html = new_output("execute_result", data={"text/html": "verified: 02-x equals the baseline"},
                          execution_count=1)
        self.assertEqual([], runner.step_problems(notebook(with_outputs("a", html), with_outputs("b", PNG))))

    def test_every_notebook_is_found_except_checkpoints(self):
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp)
            for name in ["a/00-o.ipynb", "a/01-s.ipynb", "b/deep/x.ipynb", "a/.ipynb_checkpoints/01-s.ipynb"]:
                (root / name).parent.mkdir(parents=True, exist_ok=True)
                (root / name).write_text("{}")
            self.assertEqual(["a/00-o.ipynb", "a/01-s.ipynb", "b/deep/x.ipynb"],
                             [p.relative_to(root).as_posix() for p in runner.find_notebooks(root)])


def project_kernel_argv():
    try:
        return KernelSpecManager().get_kernel_spec(KERNEL).argv
    except NoSuchKernel:
        return None


@unittest.skipIf(project_kernel_argv() is None,
                 f"kernel '{KERNEL}' not installed here: run these through 'bin/notebooks selftest'")
class Execution(unittest.TestCase):
    """Real executions with the project kernel; each starts a JVM, so the cases are few and small."""

    def setUp(self):
        self.tmp = Path(tempfile.mkdtemp(prefix="notebook-runner-test-"))
        self.addCleanup(shutil.rmtree, self.tmp, ignore_errors=True)

    def run_notebook(self, name, nb, kernel=KERNEL, **settings):
        path = self.tmp / name
        nbformat.write(nb, path)
        options = dict(kernel=kernel, size="tiny", out=self.tmp / "out", notebooks_root=self.tmp, cell_timeout=60)
        options.update(settings)
        return asyncio.run(runner.execute(path, runner.Settings(**options)))

    def assertFailsWith(self, result, text):
        self.assertFalse(result.passed, "expected a failure")
        self.assertTrue(any(text in p for p in result.problems), f"'{text}' not in {result.problems}")
        self.assertTrue(result.executed_path.is_file(), "the executed notebook must be kept on failure")

    def test_a_step_notebook_with_chart_and_verification_passes(self):
        result = self.run_notebook("01-ok.ipynb", notebook(
            'System.out.println("verified: 01-ok equals the baseline")',
            "new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB)",
            'System.getenv("FASTER_SIZE")'))
        self.assertTrue(result.passed, result.problems)
        executed = nbformat.read(result.executed_path, as_version=4)
        self.assertIn("tiny", json.dumps(executed.cells[2].outputs), "FASTER_SIZE reaches the kernel")
        self.assertTrue(result.executed_path.with_suffix(".html").is_file())

    def test_a_compile_error_fails(self):
        self.assertFailsWith(self.run_notebook("c.ipynb", notebook('int x = "a";')), "cell 1 failed: Compiler")

    def test_a_runtime_exception_fails_at_its_cell(self):
        result = self.run_notebook("r.ipynb", notebook("1 + 1", 'throw new IllegalStateException("boom");'))
        self.assertFailsWith(result, "cell 2 failed: EvalException: boom")

    def test_an_exception_printed_but_not_thrown_fails(self):
        result = self.run_notebook("s.ipynb", notebook('new IllegalStateException("swallowed").printStackTrace();'))
        self.assertFailsWith(result, "cell 1 wrote an error to stderr without failing")

    def test_a_cell_over_its_time_limit_fails_without_hanging(self):
        began = time.monotonic()
        result = self.run_notebook("t.ipynb", notebook("Thread.sleep(120_000);"), cell_timeout=3)
        self.assertFailsWith(result, "cell 1 timed out after 3 s")
        self.assertLess(time.monotonic() - began, 60)

    def test_a_dying_kernel_fails(self):
        self.assertFailsWith(self.run_notebook("d.ipynb", notebook("System.exit(3);")), "the kernel died")


def install_fake_kernel(directory, name, argv):
    spec = directory / "kernels" / name
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": argv, "display_name": name, "language": "java", "interrupt_mode": "message"}))


# Stands in for the startup race: the first start never answers (sleeps), later ones run the real kernel.
HANG_ONCE = """
import os, sys, time
marker = sys.argv[1]
if not os.path.exists(marker):
    open(marker, "w").close()
    time.sleep(600)
os.execv(sys.argv[2], sys.argv[2:])
"""


@unittest.skipIf(project_kernel_argv() is None,
                 f"kernel '{KERNEL}' not installed here: run these through 'bin/notebooks selftest'")
class KernelStart(unittest.TestCase):
    """A start that never answers kernel_info, or dies after it listens, is abandoned and retried, a bounded
    number of times; a kernel that dies before it listens is not retried."""

    def setUp(self):
        self.tmp = Path(tempfile.mkdtemp(prefix="notebook-runner-test-"))
        self.addCleanup(shutil.rmtree, self.tmp, ignore_errors=True)
        kernels = self.tmp / "jupyter"
        (self.tmp / "hang_once.py").write_text(HANG_ONCE)
        (self.tmp / "die_once.py").write_text(DIE_ONCE_AFTER_LISTENING)
        install_fake_kernel(kernels, "hangs-once",
                            [sys.executable, str(self.tmp / "hang_once.py"), str(self.tmp / "started-once"),
                             *project_kernel_argv()])
        install_fake_kernel(kernels, "dies-once-after-listening",
                            [sys.executable, str(self.tmp / "die_once.py"), str(self.tmp / "died-once"),
                             *project_kernel_argv()])
        install_fake_kernel(kernels, "never-answers", [sys.executable, "-c", "import time; time.sleep(600)"])
        install_fake_kernel(kernels, "dies-at-start", [sys.executable, "-c", "raise SystemExit(7)"])
        spec_env = KernelSpecManager().get_kernel_spec(KERNEL).env
        for name in ["hangs-once", "dies-once-after-listening"]:  # the real kernel behind the wrapper needs the real kernel's env
            path = kernels / "kernels" / name / "kernel.json"
            path.write_text(json.dumps({**json.loads(path.read_text()), "env": spec_env}))
        previous = os.environ.get("JUPYTER_PATH", "")
        os.environ["JUPYTER_PATH"] = os.pathsep.join(filter(None, [str(kernels), previous]))
        self.addCleanup(os.environ.__setitem__, "JUPYTER_PATH", previous)

    def run_notebook(self, kernel, **settings):
        path = self.tmp / "n.ipynb"
        nbformat.write(notebook("1 + 1"), path)
        options = dict(kernel=kernel, size="tiny", out=self.tmp / "out", notebooks_root=self.tmp,
                       cell_timeout=30, startup_timeout=3, start_attempts=3)
        options.update(settings)
        return asyncio.run(runner.execute(path, runner.Settings(**options)))

    def test_a_start_that_never_answers_is_retried_and_the_retry_runs_the_notebook(self):
        result = self.run_notebook("hangs-once", startup_timeout=15, start_attempts=5)
        self.assertTrue(result.passed, result.problems)
        # The real kernel behind the wrapper can hang too, so later starts may be needed as well.
        self.assertGreaterEqual(len(result.start_seconds), 2, "the first start must have been abandoned")
        self.assertGreaterEqual(result.start_seconds[0], 15)

    def test_a_start_that_dies_after_it_listens_is_retried_and_the_retry_runs_the_notebook(self):
        result = self.run_notebook("dies-once-after-listening", startup_timeout=15, start_attempts=5)
        self.assertTrue(result.passed, result.problems)
        self.assertGreaterEqual(len(result.start_seconds), 2, "the first start must have died")
        self.assertTrue((self.tmp / "died-once").exists())

    def test_retries_are_bounded(self):
        began = time.monotonic()
        result = self.run_notebook("never-answers", start_attempts=3)
        self.assertFalse(result.passed)
        self.assertIn("attempt 3 of 3", result.problems[0])
        self.assertEqual(3, len(result.start_seconds))
        self.assertLess(time.monotonic() - began, 3 * 3 + 20)

    def test_a_kernel_that_dies_at_start_is_not_retried(self):
        result = self.run_notebook("dies-at-start")
        self.assertFalse(result.passed)
        self.assertIn("died", result.problems[0])
        self.assertEqual(1, len(result.start_seconds))


# Stands in for the other face of the startup race: the first start listens on its shell port, then dies before
# answering kernel_info; later ones run the real kernel.
DIE_ONCE_AFTER_LISTENING = """
import json, os, socket, sys, time
marker = sys.argv[1]
if not os.path.exists(marker):
    open(marker, "w").close()
    connection = json.load(open(next(arg for arg in sys.argv if arg.endswith(".json"))))
    shell = socket.socket()
    shell.bind((connection["ip"], connection["shell_port"]))
    shell.listen()
    time.sleep(2)
    raise SystemExit(1)
os.execv(sys.argv[2], sys.argv[2:])
"""


if __name__ == "__main__":
    unittest.main()
