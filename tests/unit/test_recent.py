import threading

from review.recent import Recent


def test_recent_keeps_the_last_few_used_and_forgets_the_oldest() -> None:
    recent: Recent[str, int] = Recent(2)
    recent.put("a", 1)
    recent.put("b", 2)
    assert recent.get("a") == 1  # used: now the newest
    recent.put("c", 3)
    assert (recent.get("a"), recent.get("b"), recent.get("c")) == (1, None, 3)


def test_recent_is_safe_from_several_threads() -> None:
    recent: Recent[int, int] = Recent(8)

    def work(offset: int) -> None:
        for n in range(2000):
            recent.put(offset + n % 20, n)
            recent.get(offset + (n * 7) % 20)

    threads = [threading.Thread(target=work, args=(100 * t,)) for t in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(recent) == 8
