"""k-corrset's fused Numba loop compiled with parallel=True: the combinations spread over all cores (prange).

The same loop as numba_fused_serial (one source, compiled twice); each combination's sums are private to its
iteration, so no reduction is shared between threads.
"""

import numba

import numba_fused_serial as serial

JIT = True
KERNEL = numba.njit(serial.fused, nogil=True, parallel=True)
prepare = serial.prepare


def compute(state, combos):
    return serial.run(KERNEL, state, combos)


def threads():
    return numba.get_num_threads()
