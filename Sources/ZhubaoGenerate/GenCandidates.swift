/// The borrowers that can still take a fault of one kind, in borrower order: what
/// `rng.pick(candidates)` chooses from, where `candidates` would be the clean borrowers (no fault
/// yet) that qualify. Kept as a Fenwick tree over the qualifying borrowers, so that taking one
/// out and finding the k-th cost log n: filtering every borrower again for every fault was
/// quadratic, and a city of a million borrowers never got past its record faults.
struct GenCandidates {
    /// The qualifying borrowers, ascending.
    private let borrowers: [Int]
    /// Whether each of them is still a candidate.
    private var present: [Bool]
    /// Fenwick tree (1-based) of `present`.
    private var tree: [Int]
    private(set) var count: Int

    init(_ borrowers: [Int]) {
        self.borrowers = borrowers
        present = Array(repeating: true, count: borrowers.count)
        count = borrowers.count
        tree = Array(repeating: 0, count: borrowers.count + 1)
        for position in stride(from: 1, through: borrowers.count, by: 1) {
            tree[position] += 1
            let parent = position + (position & -position)
            if parent <= borrowers.count { tree[parent] += tree[position] }
        }
    }

    /// The k-th candidate (0-based) in borrower order, as `candidates[k]` would give.
    func borrower(at k: Int) -> Int {
        precondition(k >= 0 && k < count)
        var position = 0, remaining = k + 1
        var step = 1
        while step * 2 <= borrowers.count { step *= 2 }
        while step > 0 {
            let next = position + step
            if next <= borrowers.count, tree[next] < remaining {
                position = next
                remaining -= tree[next]
            }
            step /= 2
        }
        return borrowers[position]  // position + 1 is the 1-based slot found
    }

    /// Takes `borrower` out (it took a fault); nothing if it is not a candidate.
    mutating func remove(_ borrower: Int) {
        var low = 0, high = borrowers.count
        while low < high {
            let middle = (low + high) / 2
            if borrowers[middle] < borrower { low = middle + 1 } else { high = middle }
        }
        guard low < borrowers.count, borrowers[low] == borrower, present[low] else { return }
        present[low] = false
        count -= 1
        var position = low + 1
        while position <= borrowers.count {
            tree[position] -= 1
            position += position & -position
        }
    }
}
