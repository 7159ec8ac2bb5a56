"""The same with asyncio: list recent calls and fetch the first one in full.

HAMSA_API_KEY=... python examples/async_quickstart.py
"""

from __future__ import annotations

import asyncio

from hamsa import AsyncHamsa, HamsaError


async def main() -> None:
    async with AsyncHamsa(timeout=30, max_retries=3) as client:
        page = await client.conversations.list(per_page=10).first_page()
        print("total:", page.data.total, "on this page:", len(page.items))
        async for summary in client.conversations.list(per_page=100, status=["COMPLETED"]):
            try:
                conversation = await client.conversations.get(conversation_id=summary.id, timeout=10)
            except HamsaError as error:
                print("skipped", summary.id, error.code)
                continue
            print(conversation.id, conversation.status, conversation.call_duration)
            break


if __name__ == "__main__":
    asyncio.run(main())
