"""Executes the workshop notebooks headless with the project's Java kernel and checks what they show.

Run through `bin/notebooks test`, which installs the kernel and points Jupyter at project-local folders first.
A notebook FAILs on: outputs or execution counts in the committed file; a cell error (runtime exception, compile
error); error text on stderr that did not raise; a dead kernel; a cell over its time limit; a kernel that never
becomes ready in any of its start attempts; and, for a step notebook (<track>/NN-slug.ipynb, NN >= 01), no PNG
chart or no `verified:` line. The executed notebook, its HTML and the kernel's own log are kept under --out
whatever the outcome.

Uses nbclient directly rather than `jupyter nbconvert --execute`, which writes nothing when a cell fails and cannot
restart a kernel that hangs at startup.
"""
import argparse
import asyncio
import os
import re
import socket
import sys
import time
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

SIZES = ("tiny", "small", "full")
# Per-cell limits by size. Above the kernel's own 30-minute limit at full size, so its cleaner error comes first.
CELL_TIMEOUT_SECONDS = {"tiny": 300, "small": 1800, "full": 3600}
# rapaio 3.0.1 is ready 2-3 s after launch here, up to 13 s with both cores busy. A start that has not answered
# kernel_info by this limit is one of its startup hangs, not a slow start: it never answers, so start another.
# Hangs hit about 1 start in 8 under load, so 5 attempts leave ~1 in 30,000 notebooks failing for it.
STARTUP_TIMEOUT_SECONDS = 25
START_ATTEMPTS = 5
# rapaio binds its sockets before it registers its message handlers, and a request already queued by the client
# (jupyter_client sends kernel_info at once) can arrive in between and kill its shell thread. Sending the first
# request only once the shell port accepts connections, and a moment later, avoids that hang.
HANDLERS_SETTLE_SECONDS = 0.5

# A step notebook, e.g. corrset/05-int-ids.ipynb; 00 is a track's overview and is not a step.
STEP_NOTEBOOK = re.compile(r"^(\d{2})-[a-z0-9]+(?:-[a-z0-9]+)*\.ipynb$")
# The library's contract: a step prints this line once its result matched the baseline.
VERIFIED_LINE = re.compile(r"^verified:", re.MULTILINE)
# Error text on stderr that did not fail the cell: a throwable's name or a stack frame (case matters, so that
# "no error" in a progress line is not one), or a line that starts like a tool's "error: ..." message.
# Other stderr text (progress, logging) is allowed.
STDERR_THROWABLE = re.compile(r"\b[A-Z]\w*(?:Exception|Error)\b|^\s+at [\w$.<>/]+\(.*\)\s*$|^Caused by: ",
                              re.MULTILINE)
STDERR_ERROR_LINE = re.compile(r"^\s*(?:error|fatal|failed|failure)\s*:", re.MULTILINE | re.IGNORECASE)


# ---- checks on notebook content (no kernel needed) -------------------------------------------------------------


def committed_output_problems(nb):
    """Cells of a committed notebook that carry outputs or an execution count (1-based cell numbers)."""
    problems = []
    for number, cell in enumerate(nb.cells, start=1):
        if cell.cell_type != "code":
            continue
        if cell.get("outputs"):
            problems.append(f"cell {number} has outputs")
        if cell.get("execution_count") is not None:
            problems.append(f"cell {number} has an execution count")
    return problems


def output_texts(cell):
    """(kind, text) for every text a code cell shows: streams by name, rich outputs by MIME type."""
    for output in cell.get("outputs", []):
        if output.output_type == "stream":
            yield output.name, output.text
        elif output.output_type in ("execute_result", "display_data"):
            for mime in ("text/plain", "text/html"):
                if mime in output.get("data", {}):
                    yield mime, output.data[mime]


def stderr_problems(nb):
    """Error text that reached stderr without failing its cell: one problem per cell, quoting its first line."""
    problems = []
    for number, cell in enumerate(nb.cells, start=1):
        if cell.cell_type != "code":
            continue
        stderr = "".join(text for kind, text in output_texts(cell) if kind == "stderr")
        match = STDERR_THROWABLE.search(stderr) or STDERR_ERROR_LINE.search(stderr)
        if match:
            line_start = stderr.rfind("\n", 0, match.start()) + 1
            line = stderr[line_start:].splitlines()[0].strip()
            problems.append(f"cell {number} wrote an error to stderr without failing: {line[:200]}")
    return problems


def is_step_notebook(path):
    match = STEP_NOTEBOOK.match(path.name)
    return bool(match) and int(match.group(1)) >= 1


def step_problems(nb):
    """A step notebook must show a chart (image/png) and the library's verification line."""
    has_png = any(
        "image/png" in output.get("data", {})
        for cell in nb.cells if cell.cell_type == "code"
        for output in cell.get("outputs", [])
    )
    has_verified = any(
        VERIFIED_LINE.search(text)
        for cell in nb.cells if cell.cell_type == "code"
        for _, text in output_texts(cell)
    )
    problems = []
    if not has_png:
        problems.append("a step notebook must display at least one chart (image/png output): none found")
    if not has_verified:
        problems.append("a step notebook must show the library's 'verified:' line: none found")
    return problems


def find_notebooks(notebooks_root):
    """Every .ipynb under notebooks_root except Jupyter's checkpoint copies, in reading order."""
    return sorted(
        path for path in notebooks_root.rglob("*.ipynb")
        if ".ipynb_checkpoints" not in path.parts
    )


def strip_outputs(path):
    """Removes outputs and execution counts in place; True if the file changed."""
    nb = nbformat.read(path, as_version=4)
    if not committed_output_problems(nb):
        return False
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    nbformat.write(nb, path)
    return True


# ---- execution ------------------------------------------------------------------------------------------------


class KernelStartError(RuntimeError):
    pass


@dataclass
class Result:
    notebook: Path
    problems: list = field(default_factory=list)
    seconds: float = 0.0
    start_seconds: list = field(default_factory=list)  # one per start attempt, the last one successful if any
    executed_path: Path = None

    @property
    def passed(self):
        return not self.problems


@dataclass
class Settings:
    kernel: str
    size: str
    out: Path
    notebooks_root: Path
    cell_timeout: int
    startup_timeout: int = STARTUP_TIMEOUT_SECONDS
    start_attempts: int = START_ATTEMPTS


def output_path(settings, notebook):
    try:
        relative = notebook.resolve().relative_to(settings.notebooks_root.resolve())
    except ValueError:
        relative = Path(notebook.name)
    return settings.out / relative


async def start_kernel(client, settings, env, log, result):
    """Starts the kernel and waits for its kernel_info reply, starting afresh when a start never answers or dies
    after it was already listening (both seen with the kernel's startup race); a kernel that dies before it listens
    is broken, not unlucky, and is not retried. Each attempt gets settings.startup_timeout in all."""
    for attempt in range(1, settings.start_attempts + 1):
        client.km = client.create_kernel_manager()
        client.kc = None
        began = time.monotonic()
        listening = False
        log.write(f"---- kernel start, attempt {attempt} of {settings.start_attempts}\n")
        log.flush()
        try:
            await client.async_start_new_kernel(env=env, stdout=log, stderr=log)
            listening = await wait_for_shell_port(client.km, settings.startup_timeout)
            client.startup_timeout = max(1, round(settings.startup_timeout - (time.monotonic() - began)))
            # Waits for kernel_info within startup_timeout; on failure shuts the kernel down and raises.
            await client.async_start_new_kernel_client()
        except RuntimeError as error:
            result.start_seconds.append(time.monotonic() - began)
            await shutdown_kernel(client)
            unlucky = "didn't respond" in str(error) or (listening and "died" in str(error))
            if not unlucky or attempt == settings.start_attempts:
                raise KernelStartError(f"kernel start failed (attempt {attempt} of {settings.start_attempts}): "
                                       f"{error} (its log: {log.name})") from error
            what = "died after it was listening" if "died" in str(error) else \
                f"not ready {settings.startup_timeout} s after start"
            print(f"  note: kernel {what} (attempt {attempt} of {settings.start_attempts}); starting another",
                  flush=True)
            continue
        result.start_seconds.append(time.monotonic() - began)
        return


async def wait_for_shell_port(km, timeout):
    """Returns True once the kernel listens on its shell port (plus HANDLERS_SETTLE_SECONDS); False if it died
    first or timeout passed."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and await ensure_awaitable(km.is_alive()):
        try:
            socket.create_connection((km.ip, km.shell_port), timeout=0.2).close()
        except OSError:
            await asyncio.sleep(0.05)
            continue
        await asyncio.sleep(HANDLERS_SETTLE_SECONDS)
        return True
    return False


async def shutdown_kernel(client):
    """Kills the kernel process and frees its ports and connection file; safe to call more than once."""
    if client.kc is not None:
        client.kc.stop_channels()
        client.kc = None
    if client.km is not None:
        try:
            if await ensure_awaitable(client.km.is_alive()):
                await ensure_awaitable(client.km.shutdown_kernel(now=True))
        finally:
            await ensure_awaitable(client.km.cleanup_resources())
            client.km = None


async def ensure_awaitable(value):
    return await value if asyncio.iscoroutine(value) or isinstance(value, asyncio.Future) else value


async def execute(notebook, settings):
    result = Result(notebook)
    began = time.monotonic()
    source = nbformat.read(notebook, as_version=4)
    result.problems += [f"committed notebook: {p} (run 'bin/notebooks strip')"
                        for p in committed_output_problems(source)]

    nb = nbformat.read(notebook, as_version=4)
    client = NotebookClient(
        nb,
        kernel_name=settings.kernel,
        timeout=settings.cell_timeout,
        startup_timeout=settings.startup_timeout,
        resources={"metadata": {"path": str(notebook.parent.resolve())}},
        allow_errors=False,
        interrupt_on_timeout=False,  # rapaio never replies to an interrupted cell; the kernel is killed instead
        shutdown_kernel="immediate",
    )
    env = dict(os.environ, FASTER_SIZE=settings.size)
    executed = output_path(settings, notebook)
    executed.parent.mkdir(parents=True, exist_ok=True)
    result.executed_path = executed
    with open(executed.with_suffix(".kernel.log"), "w", encoding="utf-8") as log:
        completed = False
        number = 0  # the cell being executed, 1-based
        try:
            await start_kernel(client, settings, env, log, result)
            client.reset_execution_trackers()
            info = await client.async_wait_for_reply(await ensure_awaitable(client.kc.kernel_info()))
            if info is not None and "language_info" in info["content"]:
                nb.metadata["language_info"] = info["content"]["language_info"]
            for index, cell in enumerate(nb.cells):
                number = index + 1
                await client.async_execute_cell(cell, index, execution_count=client.code_cells_executed + 1)
            completed = True
        except KernelStartError as error:
            result.problems.append(str(error))
        except CellTimeoutError:
            result.problems.append(f"cell {number} timed out after {settings.cell_timeout} s")
        except DeadKernelError:
            result.problems.append(f"the kernel died during cell {number} (its log: {log.name})")
        except CellExecutionError:
            result.problems.append(f"cell {number} failed: {describe_cell_error(nb.cells[number - 1])}")
        except Exception as error:  # e.g. no such kernelspec: report it as this notebook's failure
            result.problems.append(f"cannot run: {type(error).__name__}: {first_line(error)}")
        finally:
            await shutdown_kernel(client)

    result.problems += stderr_problems(nb)
    if completed and is_step_notebook(notebook):  # after a failed cell, missing output is no news
        result.problems += step_problems(nb)
    nbformat.write(nb, executed)
    html_problem = write_html(nb, executed.with_suffix(".html"))
    if html_problem:
        result.problems.append(html_problem)
    result.seconds = time.monotonic() - began
    return result


def first_line(error):
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


ANSI = re.compile(r"\x1b\[[0-9;]*m")


def describe_cell_error(cell):
    """The kernel's error name, message and traceback lines (colour codes removed) from the cell's error output."""
    for output in cell.get("outputs", []):
        if output.output_type == "error":
            lines = [ANSI.sub("", line).strip() for line in output.get("traceback", [])]
            detail = " | ".join(line for line in "\n".join(lines).splitlines() if line)
            message = f"{output.ename}: {output.evalue}" if output.evalue else output.ename
            return f"{message} [{detail[:400]}]"
    return "an error without an error output"


def write_html(nb, path):
    """Renders the executed notebook for reading without Jupyter; a rendering that fails fails the notebook."""
    try:
        from nbconvert import HTMLExporter
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)  # nbconvert 6.5 about its own nbformat calls
            body, _ = HTMLExporter().from_notebook_node(nb)
    except Exception as error:
        return f"could not write {path.name}: {type(error).__name__}: {error}"
    path.write_text(body, encoding="utf-8")
    return None


def report(result, root):
    name = display_path(result.notebook, root)
    starts = ", ".join(f"{s:.1f}" for s in result.start_seconds) or "-"
    timing = f"{result.seconds:.1f} s, kernel start {starts} s"
    if result.passed:
        print(f"PASS {name} ({timing})", flush=True)
    else:
        print(f"FAIL {name} ({timing})", flush=True)
        for problem in result.problems:
            print(f"  - {problem}", flush=True)
        print(f"  executed notebook: {display_path(result.executed_path, root)}", flush=True)


def display_path(path, root):
    try:
        return str(path.resolve().relative_to(root.resolve()))
    except ValueError:
        return str(path)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", type=Path, required=True, help="the project's root directory")
    parser.add_argument("--kernel", default="faster-java", help="kernelspec name")
    parser.add_argument("--size", choices=SIZES, default="tiny", help="passed to the notebooks as FASTER_SIZE")
    parser.add_argument("--out", type=Path, help="where executed notebooks, HTML and kernel logs go")
    parser.add_argument("--cell-timeout", type=int, help="seconds per cell (default by size)")
    parser.add_argument("--startup-timeout", type=int, default=STARTUP_TIMEOUT_SECONDS)
    parser.add_argument("--start-attempts", type=int, default=START_ATTEMPTS)
    parser.add_argument("--strip", action="store_true", help="remove outputs from the notebooks instead")
    parser.add_argument("notebooks", nargs="*", type=Path, help="default: every notebook under notebooks/")
    args = parser.parse_args(argv)

    notebooks_root = args.root / "notebooks"
    everything = not args.notebooks
    notebooks = find_notebooks(notebooks_root) if everything else args.notebooks
    missing = [path for path in notebooks if not path.is_file()]
    if missing:
        parser.error("no such notebook: " + ", ".join(map(str, missing)))
    if not notebooks:
        print(f"FAIL no notebooks found under {notebooks_root}", flush=True)
        return 1

    if args.strip:
        for path in notebooks:
            if strip_outputs(path):
                print(f"stripped {display_path(path, args.root)}")
        return 0

    if args.out is None:
        parser.error("--out is required to execute notebooks")
    settings = Settings(
        kernel=args.kernel, size=args.size, out=args.out, notebooks_root=notebooks_root,
        cell_timeout=args.cell_timeout or CELL_TIMEOUT_SECONDS[args.size],
        startup_timeout=args.startup_timeout, start_attempts=args.start_attempts,
    )
    print(f"notebooks: {len(notebooks)} to run with kernel '{settings.kernel}', FASTER_SIZE={settings.size}, "
          f"{settings.cell_timeout} s per cell; output in {display_path(settings.out, args.root)}", flush=True)
    results = []
    for notebook in notebooks:
        result = asyncio.run(execute(notebook, settings))
        report(result, args.root)
        results.append(result)

    failed = sum(not r.passed for r in results)
    if everything:
        # No silent skips: the suite must have run every notebook that exists now, including any added meanwhile.
        not_run = sorted(set(find_notebooks(notebooks_root)) - {r.notebook for r in results})
        for path in not_run:
            print(f"FAIL {display_path(path, args.root)} (found under notebooks/ but not executed)", flush=True)
        failed += len(not_run)
    print(f"notebooks: {len(results) - sum(not r.passed for r in results)} passed, {failed} failed", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
