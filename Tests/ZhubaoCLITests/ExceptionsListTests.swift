import Foundation
import Testing

/// `zhubao exceptions list` (issue 16): the first column is the short id `ack` takes, and a
/// date without a daily run is said to be one (exit 64), never listed as "0 exceptions".
@Suite struct ExceptionsListTests {
    @Test func everyListedShortIDIsAcceptedByAck() throws {
        let w = try SampleWorkspace()
        let listing = try w.zhubao(["exceptions", "list"])
        #expect(listing.status == 0, "\(listing.stderr)")
        let lines = listing.stdout.split(separator: "\n").map(String.init)
        let header = try #require(lines.first)
        #expect(header.hasPrefix("2027-01-20 日常运行的异常 \(lines.count - 1) 条（第一列为短编号"), "\(header)")
        #expect(lines.count > 2)
        let ids = lines.dropFirst().map { String($0.prefix(10)) }
        #expect(ids.allSatisfy { $0.count == 10 && $0.allSatisfy(\.isHexDigit) }, "\(ids)")
        // No ID number in clear: a key that holds one is shown masked, and its short id is what ack takes.
        #expect(listing.stdout.contains("360702********0030"))
        #expect(listing.stdout.range(of: #"\d{6}(19|20)\d{9}[\dX]"#, options: .regularExpression) == nil)
        for id in ids {
            let ack = try w.zhubao(["exceptions", "ack", id, "--note", "已核实", "--by", "王会计", "--as-of", "2027-01-20"])
            #expect(ack.status == 0, "\(id): \(ack.stdout) \(ack.stderr)")
            #expect(ack.stdout == "已确认 \(id)：自 2027-01-20 起显示为 ACKNOWLEDGED（已确认）\n")
        }
        let after = try w.zhubao(["exceptions", "list", "--status", "ACKNOWLEDGED"]).stdout
        #expect(after.split(separator: "\n").count == lines.count, "every listed exception now acknowledged")
    }

    @Test func aDateWithoutARunIsSaidToHaveNone() throws {
        let w = try SampleWorkspace()  // runs of 2026-01-14, 2026-01-20 and 2027-01-20
        let before = try w.zhubao(["exceptions", "list", "--as-of", "2024-01-01"])
        #expect(before.status == 64)
        #expect(before.stdout == "2024-01-01 没有日常运行，因此没有该日的异常清单（不是“没有异常”）：此前没有任何日常运行\n")
        let between = try w.zhubao(["exceptions", "list", "--as-of", "2026-06-30"])
        #expect(between.status == 64)
        #expect(between.stdout == "2026-06-30 没有日常运行，因此没有该日的异常清单（不是“没有异常”）："
                + "最近的较早一次运行是 2026-01-20，可用 zhubao exceptions list --as-of 2026-01-20 查看\n")
        #expect(!between.stdout.contains("0 条"))
        let onTheRun = try w.zhubao(["exceptions", "list", "--as-of", "2026-01-20"])
        #expect(onTheRun.status == 0)
        #expect(onTheRun.stdout.hasPrefix("2026-01-20 日常运行的异常 "))
    }

    @Test func aWorkspaceWithoutARunSaysSo() throws {
        let root = temporaryRoot()
        #expect(try ZhubaoProcess.run(["init", "--root", root.path]).status == 0)
        let listing = try ZhubaoProcess.run(["exceptions", "list", "--root", root.path])
        #expect(listing.status == 0)
        #expect(listing.stdout == "尚无日常运行，没有异常可列：先运行 zhubao run\n")
    }
}
