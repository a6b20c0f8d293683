import ZhubaoCore

/// Business faults, part 2: receipts that are missing, short, orphaned or name another
/// person's contract (E301–E305).
extension GenWorld {
    func tKey(_ receipt: GenReceipt) -> GenFileKey { GenFileKey(sender: "TAX", kind: .receipts, date: receipt.fileDate) }

    /// Changes the receipts planned for a drawdown; false when it gets none.
    func adjustReceiptPieces(_ b: inout GenBorrower, drawdown index: Int, pieces: inout [GenPlannedDrawdown.Piece]) -> Bool {
        guard let fault = b.fault, index == target(b) else { return true }
        let d = b.drawdowns[index]
        switch fault {
        case .noReceipt:
            record(fault, code: .e301, key: disbKey(d), idNumber: d.idNumber, contractNo: d.contractNo,
                   loanNo: d.loanNo, amount: d.amount)
            return false
        case .partlyMatched:
            let last = pieces.count - 1
            let shortfall = Fen(max(100, pieces[last].amount.value / 4 / 100 * 100))
            pieces[last].amount -= shortfall
            record(fault, code: .e302, key: disbKey(d), idNumber: d.idNumber, contractNo: d.contractNo,
                   loanNo: d.loanNo, amount: shortfall)
        default: break
        }
        return true
    }

    /// Receipts added by a fault, after the normal ones.
    func addReceiptFaults(_ b: inout GenBorrower, rng: inout GenRandom) {
        guard let fault = b.fault else { return }
        let d = b.drawdowns[target(b)]
        switch fault {
        case .orphanReceipt:
            // Outside every window of the contract, and its own window over by `to`.
            let windows = b.drawdowns.map { ($0.disbursedOn, $0.disbursedOn + window) }
            let candidates = (d.disbursedOn + 25...max(d.disbursedOn + 25, to - window - 1)).filter { day in
                !windows.contains { day >= $0.0 && day <= $0.1 }
            }
            guard !candidates.isEmpty, candidates[0] <= to - window - 1 else { unplaced.append(fault.rawValue); return }
            let paidOn = candidates[rng.below(candidates.count)]
            var piece = b.plan[d.planIndex].pieces[0]
            piece.amount = Fen(max(100, piece.amount.value / 2 / 100 * 100))
            var receipt = loanReceipt(b, d, piece, paidOn: paidOn, rng: &rng)
            receipt.fileDate = paidOn
            b.receipts.append(receipt)
            record(fault, code: .e303, key: tKey(receipt), idNumber: receipt.idNumber, ticketNo: receipt.ticketNo,
                   amount: receipt.paid.amount)
        case .foreignContract:
            // Another borrower's contract, already in the register when the receipt arrives.
            guard let other = earliestCleanContract else { unplaced.append(fault.rawValue); return }
            let paidOn = max(d.disbursedOn + rng.int(3, 20), other.approvedOn + 1)
            guard paidOn <= to - window - 1 else { unplaced.append(fault.rawValue); return }
            var receipt = loanReceipt(b, d, b.plan[d.planIndex].pieces[0], paidOn: paidOn, rng: &rng)
            receipt.contractNo = other.contractNo
            receipt.bankCode = other.bank
            receipt.fileDate = paidOn
            b.receipts.append(receipt)
            record(fault, code: .e304, key: tKey(receipt), idNumber: receipt.idNumber, ticketNo: receipt.ticketNo,
                   amount: receipt.paid.amount)
        case .annualAboveMinimum, .baseAboveMinimum:
            for receipt in b.receipts where receipt.loan && receipt.contractNo == d.contractNo
                && receipt.paidOn >= d.disbursedOn && receipt.paidOn <= d.disbursedOn + window && receipt.reverses == nil {
                record(fault, code: .e305, key: tKey(receipt), idNumber: receipt.idNumber, ticketNo: receipt.ticketNo)
            }
        default: break
        }
    }

    /// The clean, approved borrower with a contract approved first (by index among equals): whose
    /// contract a foreign-contract receipt names. It depends on the plans alone, so the census
    /// finds it once, when the contracts are numbered (`earliestCleanContract`), not every such
    /// receipt of every pass.
    func findEarliestCleanContract() -> GenBorrower? {
        var best: Int?
        for i in borrowers.indices where !borrowers[i].contractNo.isEmpty && borrowers[i].fault == nil && borrowers[i].approved {
            if best.map({ (borrowers[i].approvedOn, borrowers[i].index) < (borrowers[$0].approvedOn, borrowers[$0].index) }) ?? true {
                best = i
            }
        }
        return best.map { borrowers[$0] }
    }
}
