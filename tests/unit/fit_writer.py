"""A tiny FIT writer for tests: our own fixtures, built from the FIT protocol's layout.

File header (14 bytes, with its CRC), definition and data messages (little-endian), a
developer field and a compressed-timestamp record so the reader must size them, and the
file CRC. Only what `tracker.exchange.import_fit` reads is meaningful.
"""

from __future__ import annotations

import datetime as dt
import struct

from tracker.exchange.import_fit import EPOCH, crc16


def fit_time(moment: dt.datetime) -> int:
    return int((moment - EPOCH).total_seconds())


def _definition(local: int, number: int, fields: list[tuple[int, int, int]], dev: int = 0) -> bytes:
    head = 0x40 | local | (0x20 if dev else 0)
    body = struct.pack("<BBHB", 0, 0, number, len(fields))
    body += b"".join(struct.pack("BBB", *field) for field in fields)
    if dev:
        body += struct.pack("B", dev) + b"".join(struct.pack("BBB", i, 2, 0) for i in range(dev))
    return bytes([head]) + body


def session_messages(sessions: list[tuple[dt.datetime, int, int, float | None]]) -> bytes:
    """file_id, then per session: a record (compressed timestamp) and a session message."""
    out = _definition(0, 0, [(0, 1, 0x00), (4, 4, 0x86)])
    out += bytes([0]) + struct.pack("<BI", 4, fit_time(sessions[0][0]) if sessions else 0)
    out += _definition(2, 20, [(253, 4, 0x86), (3, 1, 0x02)])  # record: timestamp, heart rate
    out += _definition(3, 20, [(3, 1, 0x02)])  # record after a compressed timestamp header
    out += _definition(
        1,
        18,
        [(253, 4, 0x86), (2, 4, 0x86), (5, 1, 0x00), (6, 1, 0x00), (7, 4, 0x86), (9, 4, 0x86)],
        dev=1,
    )
    for start, sport, sub, seconds in sessions:
        out += bytes([2]) + struct.pack("<IB", fit_time(start), 90)
        out += bytes([0x80 | (3 << 5) | 5]) + struct.pack("<B", 95)
        elapsed = 0xFFFFFFFF if seconds is None else int(seconds * 1000)
        end = fit_time(start) + int(seconds or 0)
        out += bytes([1]) + struct.pack("<IIBBII", end, fit_time(start), sport, sub, elapsed, 500)
        out += b"\x07\x00"  # the developer field's 2 bytes
    return out


def fit_file(sessions: list[tuple[dt.datetime, int, int, float | None]]) -> bytes:
    data = session_messages(sessions)
    header = struct.pack("<BBHI4s", 14, 0x20, 2132, len(data), b".FIT")
    header += struct.pack("<H", crc16(header))
    body = header + data
    return body + struct.pack("<H", crc16(body))
