"""Richards: Martin Richards' operating-system task-scheduler simulation.
Measures method dispatch on task subclasses, attribute access and linked-list manipulation."""
import sys

IDLE_ID = 1
WORKER_ID = 2
HANDLER_A_ID = 3
HANDLER_B_ID = 4
DEVICE_A_ID = 5
DEVICE_B_ID = 6
NUM_TASKS = 6

DEVICE_KIND = 0
WORK_KIND = 1

BUF_LAST = 3  # packet data holds indices 0..BUF_LAST

# task state bits
PKT_BIT = 1
WAIT_BIT = 2
HOLD_BIT = 4

ALPHABET = "0ABCDEFGHIJKLMNOPQRSTUVWXYZ"


class Packet:
    def __init__(self, link, dest, kind):
        self.link = link
        self.dest = dest
        self.kind = kind
        self.count = 0
        self.data = [0] * (BUF_LAST + 1)


def append_packet(pkt, head):
    """Append pkt to the end of the list starting at head; return the new head."""
    pkt.link = None
    if head is None:
        return pkt
    node = head
    while node.link is not None:
        node = node.link
    node.link = pkt
    return head


class Task:
    def __init__(self, ident, priority, queue, state, os):
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.state = state
        self.os = os
        self.next = os.task_list
        os.task_list = self
        os.table[ident] = self

    def run(self, pkt):
        raise NotImplementedError


class IdleTask(Task):
    def __init__(self, os, priority, count):
        Task.__init__(self, IDLE_ID, priority, None, 0, os)
        self.seed = 1
        self.count = count

    def run(self, pkt):
        os = self.os
        self.count -= 1
        if self.count == 0:
            return os.hold_self()
        if self.seed & 1 == 0:
            self.seed = (self.seed >> 1) & 0x7FFFFFFF
            return os.release(DEVICE_A_ID)
        self.seed = ((self.seed >> 1) & 0x7FFFFFFF) ^ 0xD008
        return os.release(DEVICE_B_ID)


class WorkerTask(Task):
    def __init__(self, os, priority, queue):
        Task.__init__(self, WORKER_ID, priority, queue, PKT_BIT | WAIT_BIT, os)
        self.target = HANDLER_A_ID
        self.letter = 0

    def run(self, pkt):
        os = self.os
        if pkt is None:
            return os.wait()
        self.target = HANDLER_A_ID + HANDLER_B_ID - self.target
        pkt.dest = self.target
        pkt.count = 0
        for i in range(BUF_LAST + 1):
            self.letter += 1
            if self.letter > 26:
                self.letter = 1
            pkt.data[i] = ALPHABET[self.letter]
        return os.queue_packet(pkt)


class HandlerTask(Task):
    def __init__(self, os, ident, priority, queue):
        Task.__init__(self, ident, priority, queue, PKT_BIT | WAIT_BIT, os)
        self.work_queue = None
        self.device_queue = None

    def run(self, pkt):
        os = self.os
        if pkt is not None:
            if pkt.kind == WORK_KIND:
                self.work_queue = append_packet(pkt, self.work_queue)
            else:
                self.device_queue = append_packet(pkt, self.device_queue)
        work = self.work_queue
        if work is not None:
            pos = work.count
            if pos > BUF_LAST:
                self.work_queue = work.link
                return os.queue_packet(work)
            dev = self.device_queue
            if dev is not None:
                self.device_queue = dev.link
                dev.count = work.data[pos]
                work.count = pos + 1
                return os.queue_packet(dev)
        return os.wait()


class DeviceTask(Task):
    def __init__(self, os, ident, priority):
        Task.__init__(self, ident, priority, None, WAIT_BIT, os)
        self.pending = None

    def run(self, pkt):
        os = self.os
        if pkt is None:
            if self.pending is None:
                return os.wait()
            pkt = self.pending
            self.pending = None
            return os.queue_packet(pkt)
        self.pending = pkt
        return os.hold_self()


class System:
    def __init__(self):
        self.task_list = None
        self.table = [None] * (NUM_TASKS + 1)
        self.current = None
        self.queue_count = 0
        self.hold_count = 0

    # --- primitives used by tasks -------------------------------------
    def wait(self):
        self.current.state |= WAIT_BIT
        return self.current

    def hold_self(self):
        self.hold_count += 1
        self.current.state |= HOLD_BIT
        return self.current.next

    def release(self, ident):
        t = self.table[ident]
        t.state &= ~HOLD_BIT
        if t.priority > self.current.priority:
            return t
        return self.current

    def queue_packet(self, pkt):
        t = self.table[pkt.dest]
        self.queue_count += 1
        pkt.link = None
        pkt.dest = self.current.ident
        if t.queue is None:
            t.queue = pkt
            t.state |= PKT_BIT
            if t.priority > self.current.priority:
                return t
        else:
            t.queue = append_packet(pkt, t.queue)
        return self.current

    # --- scheduler ----------------------------------------------------
    def schedule(self):
        task = self.task_list
        while task is not None:
            state = task.state
            if state & HOLD_BIT or state == WAIT_BIT:
                task = task.next
                continue
            pkt = None
            if state == PKT_BIT | WAIT_BIT:
                pkt = task.queue
                task.queue = pkt.link
                task.state = 0 if task.queue is None else PKT_BIT
            self.current = task
            task = task.run(pkt)


def run_once(count):
    os = System()
    IdleTask(os, 0, count)
    q = Packet(None, 0, WORK_KIND)
    q = Packet(q, 0, WORK_KIND)
    WorkerTask(os, 1000, q)
    q = Packet(None, DEVICE_A_ID, DEVICE_KIND)
    q = Packet(q, DEVICE_A_ID, DEVICE_KIND)
    q = Packet(q, DEVICE_A_ID, DEVICE_KIND)
    HandlerTask(os, HANDLER_A_ID, 2000, q)
    q = Packet(None, DEVICE_B_ID, DEVICE_KIND)
    q = Packet(q, DEVICE_B_ID, DEVICE_KIND)
    q = Packet(q, DEVICE_B_ID, DEVICE_KIND)
    HandlerTask(os, HANDLER_B_ID, 3000, q)
    DeviceTask(os, DEVICE_A_ID, 4000)
    DeviceTask(os, DEVICE_B_ID, 5000)
    os.schedule()
    return os.queue_count, os.hold_count


def main():
    iterations = int(sys.argv[1]) if len(sys.argv) > 1 else 25
    total_q = total_h = 0
    qc = hc = 0
    ok = True
    for _ in range(iterations):
        qc, hc = run_once(10000)
        total_q += qc
        total_h += hc
        ok = ok and qc == 23246 and hc == 9297
    print("queue_count=%d hold_count=%d" % (qc, hc))
    print("totals: queue=%d hold=%d valid=%s" % (total_q, total_h, ok))


if __name__ == "__main__":
    main()
