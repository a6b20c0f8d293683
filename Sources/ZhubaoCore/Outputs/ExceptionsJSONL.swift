/// `exceptions.jsonl` (outputs.md "Machine-readable outputs"): one object per line, sorted by
/// key — every exception open as of the date, plus those resolved by this date's run. Full
/// personal data: the file is written readable by owner and group only.
package enum ExceptionsJSONL {
    package static func render(_ outcome: ExceptionLifecycle.Outcome) -> String {
        outcome.exceptions.map { line($0, asOf: outcome.asOf) + "\n" }.joined()
    }

    static func line(_ item: ExceptionLifecycle.Reported, asOf: Day) -> String {
        let f = item.finding
        var o = JSONObject()
        o.add("key", f.key)
        o.add("code", f.code.rawValue)
        o.add("severity", f.severity.rawValue)
        o.add("owner", f.owner.rawValue)
        o.add("status", item.status.rawValue)
        o.add("firstSeen", item.firstSeen.iso)
        o.add("asOf", asOf.iso)
        f.addSubject(to: &o)
        o.add("amount", f.amount?.yuan)
        o.add("source", f.source)
        o.add("message", f.message)
        if let ack = item.acknowledgement {
            var a = JSONObject()
            a.add("note", ack.note)
            a.add("by", ack.byName)
            a.add("on", ack.effectiveOn)
            o.add("acknowledgement", raw: a.text)
        } else {
            o.add("acknowledgement", nil as String?)
        }
        return o.text
    }
}
