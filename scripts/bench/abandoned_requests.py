"""Sends requests and drops each connection 0-20 ms later, before the answer is read, as
impatient visitors and scanners do. Such requests once made the server panic (issue 15).

    python3 abandoned_requests.py PORT SECONDS [COOKIE]  ->  JSON on stdout

Half the paths are unknown ones, half real pages. With a cookie every page is rendered in
full (an unknown session), without one unknown paths come from the not-found page's copy.
"""
import asyncio
import json
import random
import string
import sys
import time

PAGES = ["/zh/", "/en/products?q=mango", "/zh/products", "/en/shops", "/zh/culture",
         "/en/categories/rice", "/zh/academy", "/en/cart",
         "/zh/products/super-kernel-basmati-5kg"]


def path():
    if random.random() < 0.5:
        return random.choice(PAGES)
    word = "".join(random.choice(string.ascii_lowercase) for _ in range(10))
    return random.choice(["/", "/en/", "/zh/"]) + word


async def one(port, cookie):
    try:
        _, writer = await asyncio.open_connection("127.0.0.1", port)
        extra = f"Cookie: {cookie}\r\n" if cookie else ""
        writer.write(f"GET {path()} HTTP/1.1\r\nHost: pavilion.test\r\n{extra}\r\n".encode())
        await writer.drain()
        await asyncio.sleep(random.random() * 0.02)
        writer.transport.abort()
    except OSError:
        pass


async def main(port, seconds, cookie):
    end = time.time() + seconds
    sent = 0
    tasks = set()
    while time.time() < end:
        for _ in range(40):
            task = asyncio.create_task(one(port, cookie))
            tasks.add(task)
            task.add_done_callback(tasks.discard)
            sent += 1
        await asyncio.sleep(0.01)
    await asyncio.sleep(1)
    print(json.dumps({"abandoned_requests": sent, "seconds": seconds}))


if __name__ == "__main__":
    cookie = sys.argv[3] if len(sys.argv) > 3 else ""
    asyncio.run(main(int(sys.argv[1]), float(sys.argv[2]), cookie))
