"""A FIT activity file (binary, Garmin's Flexible and Interoperable data Transfer) -> one
`Activity` per session message.

Our own minimal reader rather than a dependency (fitdecode 0.11.0, MIT, pure Python, would
do): we need three fields of one message, and reading them takes the file header, definition
and data messages (with developer fields and compressed-timestamp headers skipped by size)
and the CRC: about 150 lines, no new package to vet, pin and update, and nothing decoded that
we do not use. Chained files (several FIT files back to back) are read one after the other.

Taken from each session (global message 18): `start_time` (field 2, seconds since
1989-12-31 00:00 UTC), `sport` (5) and `sub_sport` (6) as the type ("training/
strength_training"), `total_elapsed_time` (7, milliseconds). Not taken: every other message
(records, laps, heart rate, positions, device info) and every other field. FIT has no
activity id we can rely on: the source id is the session's start (UTC, ISO 8601).
A damaged file (bad header, wrong CRC, cut short) is refused whole. A FIT file is read into
memory whole (activity files are a few MB; the CRC covers the whole file anyway).
"""

from __future__ import annotations

import datetime as dt
import struct
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tracker.exchange.import_records import Activity, Found, Skipped
from tracker.problems import UsageProblem

#: FIT times count seconds from this instant.
EPOCH = dt.datetime(1989, 12, 31, tzinfo=dt.UTC)
SESSION = 18
START_TIME, SPORT, SUB_SPORT, TOTAL_ELAPSED_TIME = 2, 5, 6, 7
#: A field read in: field number -> (size, struct code) for the types we decode.
CODES = {1: "B", 2: "H", 4: "I"}
INVALID = {1: 0xFF, 2: 0xFFFF, 4: 0xFFFFFFFF}
#: `sport` and `sub_sport` values we name (FIT profile); others read as "sport N".
SPORTS = {
    0: "generic", 1: "running", 2: "cycling", 3: "transition", 4: "fitness_equipment",
    5: "swimming", 6: "basketball", 7: "soccer", 8: "tennis", 9: "american_football",
    10: "training", 11: "walking", 12: "cross_country_skiing", 13: "alpine_skiing",
    14: "snowboarding", 15: "rowing", 16: "mountaineering", 17: "hiking", 18: "multisport",
    19: "paddling",
}  # fmt: skip
SUB_SPORTS = {
    1: "treadmill", 2: "street", 3: "trail", 4: "track", 5: "spin", 6: "indoor_cycling",
    7: "road", 8: "mountain", 9: "downhill", 10: "recumbent", 11: "cyclocross",
    12: "hand_cycling", 13: "track_cycling", 14: "indoor_rowing", 15: "elliptical",
    16: "stair_climbing", 17: "lap_swimming", 18: "open_water", 19: "flexibility_training",
    20: "strength_training", 26: "cardio_training", 27: "indoor_walking",
    30: "casual_walking", 31: "speed_walking", 43: "yoga", 44: "pilates", 45: "indoor_running",
}  # fmt: skip


class FitError(ValueError):
    """The bytes are not a sound FIT file."""


@dataclass
class Definition:
    """A local message type's layout: global number, byte order, (field, size) in order."""

    number: int
    endian: str
    fields: list[tuple[int, int]]
    size: int


def is_fit(head: bytes) -> bool:
    """The first bytes are a FIT header (size 12 or 14, '.FIT' at bytes 8-11)."""
    return len(head) >= 12 and head[0] in (12, 14) and head[8:12] == b".FIT"


def crc16(data: bytes, crc: int = 0) -> int:
    """The FIT CRC-16 (the SDK's nibble table) of `data`, continuing from `crc`."""
    table = (
        0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401,
        0xA001, 0x6C00, 0x7800, 0xB401, 0x5000, 0x9C01, 0x8801, 0x4400,
    )  # fmt: skip
    for byte in data:
        for nibble in (byte & 0xF, byte >> 4):
            tmp = table[crc & 0xF]
            crc = (crc >> 4) & 0x0FFF
            crc = crc ^ tmp ^ table[nibble]
    return crc


def read(path: Path) -> Iterator[Found]:
    """Each session of a FIT file (chained files too) as an Activity."""
    data = path.read_bytes()
    try:
        sessions = list(sessions_of(data))
    except FitError as exc:
        raise UsageProblem(f"{path}: not a sound FIT file ({exc}); nothing was imported") from None
    if not sessions:
        yield Skipped(path.name, "no session message (a course or settings file, not an activity)")
    for number, fields in enumerate(sessions, start=1):
        yield _activity(f"{path.name} session {number}", fields)


def sessions_of(data: bytes) -> Iterator[dict[int, int]]:
    """The decoded fields of every session message, file after chained file."""
    offset = 0
    while offset < len(data):
        if not is_fit(data[offset : offset + 12]):
            raise FitError(f"no FIT header at byte {offset}")
        header = data[offset]
        size = struct.unpack_from("<I", data, offset + 4)[0]
        end = offset + header + size
        if end + 2 > len(data):
            raise FitError("the file is cut short")
        if crc16(data[offset : end + 2]) != 0:
            raise FitError("its checksum does not match (the file is damaged)")
        try:
            yield from _messages(data, offset + header, end)
        except (IndexError, struct.error):
            raise FitError("a message is cut short") from None
        offset = end + 2


def _messages(data: bytes, pos: int, end: int) -> Iterator[dict[int, int]]:
    definitions: dict[int, Definition] = {}
    while pos < end:
        head = data[pos]
        pos += 1
        if head & 0x80:  # compressed timestamp header: a data message of local type 0-3
            local, is_definition = (head >> 5) & 0x3, False
        else:
            local, is_definition = head & 0x0F, bool(head & 0x40)
        if is_definition:
            definitions[local], pos = _definition(data, pos, bool(head & 0x20))
            continue
        layout = definitions.get(local)
        if layout is None:
            raise FitError(f"a data message of undefined local type {local} at byte {pos - 1}")
        if pos + layout.size > end:
            raise FitError("a message runs past the end of the data")
        if layout.number == SESSION:
            yield _fields(data, pos, layout)
        pos += layout.size


def _definition(data: bytes, pos: int, developer: bool) -> tuple[Definition, int]:
    endian = ">" if data[pos + 1] == 1 else "<"
    number = struct.unpack_from(endian + "H", data, pos + 2)[0]
    count = data[pos + 4]
    pos += 5
    fields = [(data[pos + 3 * i], data[pos + 3 * i + 1]) for i in range(count)]
    pos += 3 * count
    size = sum(width for _, width in fields)
    if developer:
        extra = data[pos]
        size += sum(data[pos + 1 + 3 * i + 1] for i in range(extra))
        pos += 1 + 3 * extra
    return Definition(number, endian, fields, size), pos


def _fields(data: bytes, pos: int, layout: Definition) -> dict[int, int]:
    """The fields we decode (whole numbers of 1, 2 or 4 bytes), invalid values left out."""
    found: dict[int, int] = {}
    for number, width in layout.fields:
        if width in CODES and number in (START_TIME, SPORT, SUB_SPORT, TOTAL_ELAPSED_TIME):
            value = struct.unpack_from(layout.endian + CODES[width], data, pos)[0]
            if value != INVALID[width]:
                found[number] = value
        pos += width
    return found


def sport_name(fields: dict[int, int]) -> str:
    """'training/strength_training', 'walking', 'sport 44'."""
    sport = fields.get(SPORT)
    name = SPORTS.get(sport, f"sport {sport}") if sport is not None else "generic"
    sub = fields.get(SUB_SPORT)
    if sub:  # 0 is generic: nothing to add
        name += "/" + SUB_SPORTS.get(sub, f"sub_sport {sub}")
    return name


def _activity(place: str, fields: dict[int, int]) -> Found:
    if START_TIME not in fields:
        return Skipped(place, "the session has no start_time")
    start = EPOCH + dt.timedelta(seconds=fields[START_TIME])
    elapsed = fields.get(TOTAL_ELAPSED_TIME)
    return Activity(
        source="fit",
        source_id=start.isoformat(),
        kind=sport_name(fields),
        start=start,
        seconds=None if elapsed is None else elapsed / 1000,
        where=place,
    )
