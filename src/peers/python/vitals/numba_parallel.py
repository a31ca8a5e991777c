"""Vitals with Numba on all cores: numba_serial's loop compiled with parallel=True, patients spread by prange.

Each patient's features are written by one iteration only, so the threads share nothing but the read-only input.
"""

import numba

import numba_serial as serial

JIT = True
KERNEL = numba.njit(serial.kernel, nogil=True, parallel=True)
prepare = serial.prepare


def compute(state, items):
    return serial.run(KERNEL, state, items)


def threads():
    return numba.get_num_threads()
