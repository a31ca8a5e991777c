"""Writes the kernel.json of the project's Java kernel (rapaio-jupyter-kernel) into a directory that
`jupyter kernelspec install` then installs. Called by bin/notebooks, which knows the JDK, the jar and the JVM flags.

Cells see the project's compiled library through RJK_CLASSPATH, so notebooks need no magics and no %maven.
"""
import argparse
import json
from pathlib import Path

# Cells that use the Vector API must compile against the incubator module as well as run with it: the JVM flag
# alone gives "not in the module graph" at compile time, the compiler flag alone NoClassDefFoundError at run time.
CELL_COMPILER_OPTIONS = ["--add-modules", "jdk.incubator.vector"]


def kernel_json(root: Path, java: Path, jar: Path, jvm_options: list, cell_timeout_millis: int, mima_cache: Path):
    classpath = ";".join([  # the kernel splits RJK_CLASSPATH on ';' and expands globs itself
        str(root / "target" / "classes"),
        str(root / "target" / "lib" / "*"),
    ])
    return {
        "argv": [str(java), *jvm_options, "-cp", str(jar), "org.rapaio.jupyter.kernel.MainApp",
                 "{connection_file}"],
        "display_name": "Java 25 (faster-java)",
        "language": "java",
        # rapaio has no signal handler: an interrupt must arrive as a message on the control channel.
        "interrupt_mode": "message",
        "env": {
            "RJK_COMPILER_OPTIONS": " ".join(CELL_COMPILER_OPTIONS),
            "RJK_CLASSPATH": classpath,
            "RJK_TIMEOUT_MILLIS": str(cell_timeout_millis),
            # Its %dependency magic caches under the kernel dir unless told otherwise; keep it in target/.
            "RJK_MIMA_CACHE": str(mima_cache),
            # Notebook cells run with the notebook's folder as working directory; FASTER_ROOT makes paths
            # into data/ and target/ independent of that.
            "FASTER_ROOT": str(root),
        },
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--root", type=Path, required=True, help="the project's root directory")
    parser.add_argument("--java", type=Path, required=True, help="the JDK 25's bin/java")
    parser.add_argument("--jar", type=Path, required=True, help="the rapaio-jupyter-kernel jar")
    parser.add_argument("--cell-timeout-millis", type=int, required=True,
                        help="the kernel's own per-cell limit (-1: none)")
    parser.add_argument("--mima-cache", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True, help="directory to write kernel.json into")
    parser.add_argument("jvm_options", nargs="*", help="JVM options for the kernel (after --)")
    args = parser.parse_args()
    spec = kernel_json(args.root.resolve(), args.java.absolute(), args.jar.resolve(), args.jvm_options,
                       args.cell_timeout_millis, args.mima_cache.resolve())
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "kernel.json").write_text(json.dumps(spec, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
