import Testing
@testable import ZhubaoGenerate

/// `GenCandidates` must pick exactly what the filtered array it replaces would (the generated
/// bytes depend on it): the k-th remaining borrower in order, after any removals.
@Suite struct GenCandidatesTests {
    @Test func theKthCandidateIsTheFilteredArraysKth() {
        let qualifying = [2, 3, 5, 8, 13, 21, 34, 55, 89]
        var pool = GenCandidates(qualifying)
        var reference = qualifying
        for taken in [13, 2, 4 /* not a candidate */, 89, 13 /* already taken */, 34] {
            pool.remove(taken)
            reference.removeAll { $0 == taken }
            #expect(pool.count == reference.count)
            #expect((0..<pool.count).map { pool.borrower(at: $0) } == reference)
        }
        #expect(reference == [3, 5, 8, 21, 55])
    }

    @Test func anEmptyPoolHasNoCandidate() {
        var pool = GenCandidates([])
        pool.remove(7)
        #expect(pool.count == 0)
    }
}
