import Foundation
import Testing
@testable import ZhubaoCore

/// Checks by independent programs: openpyxl opens the .xlsx files; headless Chromium renders
/// exceptions.html. `bash scripts/setup.sh --tests` installs both; without them these tests
/// fail and say what to install (a skipped check would pass without checking anything).
@Suite struct ExternalCheckTests {
    static func which(_ program: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(dir)/\(program)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    static let python = which("python3")
    static let chromium = which("chromium") ?? which("chromium-browser")
    static let hasOpenpyxl = python.map { (try? run($0, ["-c", "import openpyxl"]).status) == 0 } ?? false

    /// Runs a program, gives up after `timeout` seconds.
    static func run(_ path: String, _ arguments: [String], timeout: TimeInterval = 120) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        // Output through a file, not a pipe: nothing to drain while the program runs.
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("zhubao-check-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: log) }
        let handle = try FileHandle(forWritingTo: log)
        defer { try? handle.close() }
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        let output = (try? Data(contentsOf: log)) ?? Data()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    static func checkXLSX(_ data: Data, spec: [String: Any]) throws -> String {
        try #require(hasOpenpyxl, "python3 with openpyxl is missing: run bash scripts/setup.sh --tests")
        let folder = try ReportFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("book.xlsx"), specFile = folder.appendingPathComponent("spec.json")
        try data.write(to: file)
        try JSONSerialization.data(withJSONObject: spec).write(to: specFile)
        let script = ReportFixtures.root.appendingPathComponent("scripts/check_xlsx.py").path
        let result = try run(try #require(python), [script, file.path, specFile.path])
        #expect(result.status == 0, "\(result.output)")
        return result.output
    }

    static let maskedID = "^[0-9]{6}\\*{8}[0-9]{3}[0-9X]$"

    @Test func openpyxlReadsTheExceptionWorkbook() throws {
        let header = ExceptionTable.columns.dropFirst().map(\.title)
        let output = try Self.checkXLSX(try ExceptionsXLSX.render(try ReportFixtures.report()), spec: [
            "sheets": ["汇总", "报送方", "社保经办机构", "合作银行", "银行 105 建设银行", "银行 313 城市商业银行（赣州银行）", "银行 未定",
                       "税务", "财政"],
            "checks": [
                ["sheet": "合作银行", "header": header, "frozen": "A2", "amount_header": "金额（元）",
                 "id_header": "身份证号", "id_pattern": Self.maskedID,
                 "texts": [ReportFixtures.formulaName, ReportFixtures.markupName, "=1+1 已电话通知银行核对余额"]],
                ["sheet": "银行 313 城市商业银行（赣州银行）", "header": header, "frozen": "A2", "amount_header": "金额（元）",
                 "texts": ["313 城市商业银行（赣州银行）", "E406", "E503"]],
                ["sheet": "报送方", "header": header, "frozen": "A2", "texts": ["-2+3+cmd|' /C calc'!A0_DISB.txt"]],
                ["sheet": "财政", "header": header, "frozen": "A2", "amount_header": "金额（元）"],
                ["sheet": "汇总", "frozen": "A2", "texts": ["助保贷款对账异常报告 2026-04-30", "合作银行", "本次已解决（1）"]],
            ],
        ])
        #expect(output.contains("ok 合作银行"))
    }

    @Test func openpyxlReadsTheClaimWorkbook() throws {
        let data = try ClaimXLSX.render(region: "360700", year: 2026, asOf: Day(iso: "2027-01-20")!,
                                        bank: try ReportFixtures.claimBank())
        _ = try Self.checkXLSX(data, spec: [
            "sheets": ["汇总", "明细", "调整"],
            "checks": [
                ["sheet": "明细", "header": ClaimXLSX.lineHeader.map(\.title), "frozen": "A2", "amount_header": "核定（元）",
                 "id_header": "身份证号", "id_pattern": Self.maskedID, "texts": ["L1", "欧**国"]],
                ["sheet": "调整", "frozen": "A2", "amount_header": "核减（元）"],
            ],
        ])
    }

    @Test func chromiumRendersTheExceptionReport() throws {
        let chromium = try #require(Self.chromium, "chromium is not installed: run bash scripts/setup.sh --tests")
        let python = try #require(Self.python, "python3 is not installed: run bash scripts/setup.sh --tests")
        let folder = try ReportFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let html = folder.appendingPathComponent("exceptions.html"), png = folder.appendingPathComponent("exceptions.png")
        try ExceptionsHTML.render(try ReportFixtures.report()).write(to: html, atomically: true, encoding: .utf8)
        let result = try Self.run(chromium, [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
            "--user-data-dir=\(folder.appendingPathComponent("profile").path)", "--screenshot=\(png.path)",
            "--window-size=1400,1000", html.absoluteString,
        ])
        let size = (try? FileManager.default.attributesOfItem(atPath: png.path)[.size] as? Int) ?? 0
        #expect(size > 20_000, "screenshot of \(size) bytes; chromium said: \(result.output.suffix(600))")
        let check = try Self.run(python, [ReportFixtures.root.appendingPathComponent("scripts/check_png.py").path, png.path, "16", "0.02"])
        #expect(check.status == 0, "\(check.output)")
    }
}
