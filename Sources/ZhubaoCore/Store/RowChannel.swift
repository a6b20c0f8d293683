import Foundation

/// The hand-over between an importer reading a file on its own thread and the store writing
/// its rows in the file's transaction: batches of rows through a bounded queue. Reading and
/// decoding a big file and SQLite's inserting cost about the same, so on two cores the import
/// takes the longer of the two instead of their sum. The queue is bounded, so memory stays flat
/// however big the file (at most `capacity` batches of `ForwardingSink.batchSize` rows wait).
final class RowChannel: @unchecked Sendable {
    typealias Batch = (inout StoreSink) throws -> Void

    /// Thrown to the reading thread once the writing side has failed.
    struct Cancelled: Error {}

    private let condition = NSCondition()
    private var queue: [Batch] = []
    private var head = 0
    private let capacity: Int
    private var finished = false
    private var cancelled = false
    private var put = 0
    private var done = 0

    init(capacity: Int = 8) { self.capacity = capacity }

    /// Producer: waits while the queue is full; throws `Cancelled` when the consumer gave up.
    func put(_ batch: @escaping Batch) throws(Cancelled) {
        condition.lock()
        defer { condition.unlock() }
        while queue.count - head >= capacity && !cancelled { condition.wait() }
        if cancelled { throw Cancelled() }
        queue.append(batch)
        put += 1
        condition.broadcast()
    }

    /// Producer: puts the batch and waits until the consumer has run it.
    func putAndWait(_ batch: @escaping Batch) throws(Cancelled) {
        try put(batch)
        condition.lock()
        defer { condition.unlock() }
        let ticket = put
        while done < ticket && !cancelled { condition.wait() }
        if done < ticket { throw Cancelled() }
    }

    /// Producer: no more batches (on every path).
    func finish() {
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// Consumer: the batch last taken has run.
    func ran() {
        condition.lock()
        done += 1
        condition.broadcast()
        condition.unlock()
    }

    /// Consumer: the next batch, or nil once the producer finished and the queue is empty.
    func take() -> Batch? {
        condition.lock()
        defer { condition.unlock() }
        while head == queue.count && !finished { condition.wait() }
        guard head < queue.count else { return nil }
        let batch = queue[head]
        head += 1
        if head > capacity { queue.removeFirst(head); head = 0 }
        condition.broadcast()
        return batch
    }

    /// Consumer: stops the producer and waits until it has finished.
    func cancelAndWait() {
        condition.lock()
        cancelled = true
        queue = []
        head = 0
        condition.broadcast()
        while !finished { condition.wait() }
        condition.unlock()
    }
}
