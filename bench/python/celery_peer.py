"""Celery, the Python peer of the cluster benchmark (bench/cluster/run): the same tiny and 10 ms tasks on the same
RabbitMQ broker, with acks_late (the delivery guarantee ParallelGen.RabbitMQ always gives).

    worker:  /usr/bin/python3 -m celery -A celery_peer worker -c 2 -Q pg-bench-celery   (run from bench/python)
    client:  /usr/bin/python3 celery_peer.py tiny 5000      -> prints {"items": ..., "seconds": ...}
"""
import json
import os
import sys
import time

from celery import Celery, group

app = Celery("celery_peer",
             broker=os.environ.get("PARALLELGEN_RABBITMQ_URI", "amqp://guest:guest@127.0.0.1:5672//"),
             backend="rpc://")
app.conf.update(task_acks_late=True, task_default_queue="pg-bench-celery", worker_hijack_root_logger=False,
                result_expires=300, broker_connection_retry_on_startup=True)


@app.task
def tiny(x):
    return x * x


@app.task
def sleep10(x):
    time.sleep(0.01)
    return x * 2


def main():
    kind, count = sys.argv[1], int(sys.argv[2])
    task = tiny if kind == "tiny" else sleep10
    # Warm up the workers and the connection, then time one group of `count` tasks.
    group(task.s(i) for i in range(20))().get(timeout=120)
    start = time.perf_counter()
    results = group(task.s(i) for i in range(count))().get(timeout=1800)
    seconds = time.perf_counter() - start
    assert len(results) == count
    print(json.dumps({"items": count, "seconds": seconds}))


if __name__ == "__main__":
    main()
