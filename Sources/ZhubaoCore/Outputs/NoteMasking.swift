/// Masks what staff typed into acknowledgement notes before a human-readable report shows it
/// (outputs.md: any text in those outputs is masked like other personal data): every name of a
/// person the ledger knows, and every run of 15 or more digits (an ID number as the first 6 and
/// last 4, checked or not; anything longer, an account, as the last 4). exceptions.jsonl keeps
/// the note as typed.
package struct NoteMasking {
    let names: Set<String>
    let longestName: Int

    package init(ledger: Ledger) {
        var names = Set<String>()
        for d in ledger.drawdowns { names.insert(d.name) }
        for r in ledger.receipts { names.insert(r.name) }
        for c in ledger.claimLines { names.insert(c.name) }
        for extracts in ledger.register.values { for p in extracts { names.insert(p.name) } }
        self.init(names: names)
    }

    init(names: Set<String>) {
        self.names = names.filter { $0.count >= 2 }
        longestName = min(self.names.map(\.count).max() ?? 0, 12)
    }

    /// The reported exceptions with their notes masked; the ledger's names are gathered only
    /// when some exception carries a note.
    package static func masking(_ items: [ExceptionLifecycle.Reported], ledger: Ledger) -> [ExceptionLifecycle.Reported] {
        masking(items) { NoteMasking(ledger: ledger) }
    }

    /// The same with the masking made only when needed (a rerun gathers the names of a date
    /// from its history, `LedgerHistory.names(asOf:)`).
    static func masking(_ items: [ExceptionLifecycle.Reported], _ make: () throws -> NoteMasking) rethrows -> [ExceptionLifecycle.Reported] {
        guard items.contains(where: { $0.acknowledgement != nil }) else { return items }
        let masking = try make()
        return items.map { item in
            var item = item
            if let note = item.acknowledgement?.note { item.acknowledgement?.note = masking.mask(note) }
            for index in item.history.indices { item.history[index].note = masking.mask(item.history[index].note) }
            return item
        }
    }

    package func mask(_ text: String) -> String {
        maskNames(maskDigits(text))
    }

    func maskDigits(_ text: String) -> String {
        var result = "", run = ""
        func flush() {
            switch run.count {
            case 15, 18: result += Masking.idNumber(run)
            case 16...: result += Masking.account(run)
            default: result += run
            }
            run = ""
        }
        for ch in text {
            let last = run.last
            if ch.isASCII, ch.isNumber || ((ch == "X" || ch == "x") && run.count == 17 && last?.isNumber == true) {
                run.append(ch)
            } else {
                flush()
                result.append(ch)
            }
        }
        flush()
        return result
    }

    func maskNames(_ text: String) -> String {
        guard longestName >= 2 else { return text }
        let chars = Array(text)
        var result = "", index = 0
        scan: while index < chars.count {
            for length in stride(from: min(longestName, chars.count - index), through: 2, by: -1) {
                let candidate = String(chars[index..<index + length])
                if names.contains(candidate) {
                    result += Masking.name(candidate)
                    index += length
                    continue scan
                }
            }
            result.append(chars[index])
            index += 1
        }
        return result
    }
}
