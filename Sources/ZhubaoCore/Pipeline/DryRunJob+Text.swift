/// What `zhubao run --dry-run` prints: the files that would be imported, rejected, left alone,
/// and the exceptions that would be raised, by code. For people: reasons scrubbed of ID numbers.
extension DryRunJob.Result {
    package var text: String {
        let deliveries = intake.deliveries
        func files(_ outcomes: Set<Delivery.Outcome>) -> [Delivery] { deliveries.filter { outcomes.contains($0.outcome) } }
        var out = "试运行（--dry-run），按 \(asOf.iso)：以下是正式运行将做的事；工作目录未作任何改动（收件箱中的文件仍在原处）。\n"
        let imported = files([.imported])
        out += "\n将导入 \(imported.count) 个文件\n"
        for delivery in imported { out += "  \(delivery.record.name)（\(delivery.record.recordCount) 条记录）\n" }
        let rejected = files([.rejected, .conflict])
        out += "\n将拒收 \(rejected.count) 个文件（移入 quarantine/）\n"
        for delivery in rejected {
            let code = delivery.record.status.exceptionCode ?? .e001
            let reason = ReportText.scrub(delivery.record.reason ?? "", id: nil).split(separator: "\n").first.map(String.init) ?? ""
            out += "  \(delivery.record.name)  \(code)  \(reason)\n"
        }
        let again = files([.alreadyRecorded])
        if !again.isEmpty {
            out += "\n已收过、不会再导入 \(again.count) 个文件（只从收件箱移走）\n"
            for delivery in again { out += "  \(delivery.record.name)\n" }
        }
        if !intake.waiting.isEmpty {
            out += "\n可能仍在写入、留待下次运行 \(intake.waiting.count) 个文件\n"
            for file in intake.waiting { out += "  \(file.name)（\(file.reason)）\n" }
        }
        if !intake.unread.isEmpty {
            out += "\n无法读取、留在收件箱 \(intake.unread.count) 个文件\n"
            for file in intake.unread { out += "  \(file.name)（\(file.reason)）\n" }
        }
        if let daily {
            let open = daily.outcome.exceptions.filter { $0.status != .resolved }
            var byCode: [String: (all: Int, new: Int)] = [:]
            for reported in open {
                byCode[reported.finding.code.rawValue, default: (0, 0)].all += 1
                if reported.status == .new { byCode[reported.finding.code.rawValue]!.new += 1 }
            }
            let resolved = daily.outcome.exceptions.count - open.count
            out += "\n将报告的异常 \(open.count) 条（其中新增 \(open.filter { $0.status == .new }.count) 条，已解决 \(resolved) 条），按代码\n"
            for code in byCode.keys.sorted() {
                out += "  \(code)  \(byCode[code]!.all)（新增 \(byCode[code]!.new)）\n"
            }
        } else {
            out += "\n（--intake-only：未计算异常）\n"
        }
        out += "\n正式运行的退出码将为 \(wouldExit)。\n"
        return out
    }
}
