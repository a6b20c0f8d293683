import Foundation
import Testing
@testable import ZhubaoCore

/// `MadeAhead` (the intake's `Prefetch`, `rerun`'s `RangeFeed`): values come in order, and no
/// more are made ahead of the caller than its count and its budget of weights allow.
@Suite struct MadeAheadTests {
    /// Counts the values made and not yet taken, and the most there ever were.
    final class Tally: @unchecked Sendable {
        private let lock = NSLock()
        private var waiting = 0
        private(set) var most = 0
        func made() { lock.withLock { waiting += 1; most = max(most, waiting) } }
        func taken() { lock.withLock { waiting -= 1 } }
    }

    /// Makes `count` values (each its index) and takes them all, slowly, so that the maker runs as
    /// far ahead as it may: the values taken, and the most ever made and not yet taken.
    func makeAndTake(_ count: Int, ahead: Int, budget: Int = .max, weight: Int = 0) -> (values: [Int], most: Int) {
        let tally = Tally()
        let made = MadeAhead<Int>(count: count, ahead: ahead, budget: budget, weight: { _ in weight }, name: "test") { index in
            tally.made()
            return index
        }
        var values: [Int] = []
        while let value = made.next() {
            tally.taken()
            values.append(value)
            usleep(2_000)
        }
        return (values, tally.most)
    }

    @Test func valuesComeInOrderAndNoMoreThanAheadWait() {
        let (values, most) = makeAndTake(40, ahead: 3)
        #expect(values == Array(0..<40))
        // The maker waits once three are ready (a fourth may be made between the caller's taking
        // one and its tally); without the bound it runs dozens ahead of the slow caller.
        #expect(most <= 4 && most >= 2)
    }

    @Test func theBudgetOfWeightsStopsTheMakerBeforeTheCount() {
        // Weights of 6 against a budget of 10: one ready (6) leaves room, two (12) do not; a
        // third may be made between the caller's taking one and its tally.
        let (values, most) = makeAndTake(30, ahead: 100, budget: 10, weight: 6)
        #expect(values == Array(0..<30))
        #expect(most <= 3 && most >= 2)
    }

    @Test func aValueHeavierThanTheBudgetIsMadeAllTheSame() {
        let (values, most) = makeAndTake(5, ahead: 100, budget: 10, weight: 50)
        #expect(values == Array(0..<5))
        #expect(most <= 2)
    }

    @Test func stopHandsBackWhatWasMadeAndNotTaken() {
        let made = MadeAhead<Int>(count: 1_000, ahead: 4, name: "test.stop") { $0 }
        #expect(made.next() == 0)
        let left = made.stop()
        #expect(left.count <= 4)
        #expect(left == Array(1..<(1 + left.count)))
        #expect(made.next() == nil)
    }
}
