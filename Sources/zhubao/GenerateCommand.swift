import ArgumentParser
import Foundation
import ZhubaoCore
import ZhubaoGenerate

extension Zhubao {
    /// `zhubao generate`: deterministic, realistic input files for tests, the demo and benchmarks.
    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "生成逼真的输入文件（选项和种子相同，生成的字节相同）。",
            discussion: """
            WHAT 为以下之一：
              city            一个城市在 --from 至 --to 期间的各类文件，彼此一致；
                              按要求注入错误，并列在 faults.json 中（按 --to 运行应发现的）。
              bulk-hardship   一个 --rows 行的困难人员名单 CSV（性能测试用）。
              bulk-receipts   一个含 --rows 条缴费记录的税务 XML（性能测试用）。
            两种 bulk 模式都逐行写出：无论多大，内存占用不变。

            --faults 可取 none、all、按借款人计的比例（0.05 或 5%；文件级错误取其十分之一），
            或错误名称、异常代码的列表（可带个数），例如 no-receipt,E504,wrong-count:2。名称：
              \(GenFault.allCases.map(\.rawValue).joined(separator: " "))

            示例：
              zhubao generate city --borrowers 300 --faults all --out demo
              zhubao generate city --profile tongling-2022 --from 2023-01-01 --to 2024-06-30 --out t
              zhubao generate bulk-hardship --rows 1000000 --gzip --out bench
            """)

        enum What: String, ExpressibleByArgument, CaseIterable {
            case city, bulkHardship = "bulk-hardship", bulkReceipts = "bulk-receipts"
        }

        @Argument(help: ArgumentHelp("生成什么：city、bulk-hardship 或 bulk-receipts。", valueName: "what"))
        var what: What = .city

        @Option(help: ArgumentHelp("写入的目录（不存在则创建）。", valueName: "dir"))
        var out: String

        @OptionGroup var policy: ProfileOptions

        @Option(help: ArgumentHelp("生成器伪随机数的种子。", valueName: "n"))
        var seed: UInt64 = GeneratorOptions.defaultSeed

        @Option(help: ArgumentHelp("city：借款人数（默认 200）。", valueName: "n"))
        var borrowers: Int?

        @Option(help: ArgumentHelp("city：起始日期（默认 2026-01-01）。", valueName: "yyyy-mm-dd"))
        var from: Day?

        @Option(help: ArgumentHelp("city：结束日期（默认 2026-12-31）。", valueName: "yyyy-mm-dd"))
        var to: Day?

        @Option(help: ArgumentHelp("city：none、all、比例（0.05、5%）或列表（no-receipt,E504,wrong-count:2）。", valueName: "faults"))
        var faults: String?

        @Option(help: ArgumentHelp("city：每名借款人对应的、在困难名单上但未借款的人数（默认 2）。", valueName: "n"))
        var noise: Int?

        @Flag(help: "gzip 压缩每个 XML 和 CSV 文件（city），或 bulk 文件。")
        var gzip = false

        @Flag(name: .customLong("no-gzip"), help: "city：不压缩任何文件（默认：压缩一半的 TAX 文件和十分之一的其他 XML、CSV）。")
        var noGzip = false

        @Flag(help: "city：只用最普通的格式：UTF-8 的 XML、GB18030 的 CSV、一律 LF 换行。")
        var plain = false

        @Flag(name: .customLong("edge-cases"), help: "city：也生成少见但合法的写法：带逗号的加引号姓名、小写 x、多成员 gzip。")
        var edgeCases = false

        @Option(help: ArgumentHelp("bulk：行数。", valueName: "n"))
        var rows: Int?

        @Option(help: ArgumentHelp("bulk：文件的业务日期（默认 2026-01-31）。", valueName: "yyyy-mm-dd"))
        var date: Day?

        @Option(help: ArgumentHelp("bulk-hardship：认定部门 MZ、XC 或 JY（默认 MZ）。", valueName: "dept"))
        var department: String?

        func validate() throws {
            if gzip && noGzip { throw ValidationError("--gzip 与 --no-gzip 不能同时使用") }
            switch what {
            case .city:
                let bulkOnly = [("--rows", rows != nil), ("--date", date != nil), ("--department", department != nil)]
                if let (name, _) = bulkOnly.first(where: \.1) { throw ValidationError("\(name) 只用于 bulk 模式") }
                if let borrowers, !(1...1_000_000).contains(borrowers) { throw ValidationError("--borrowers 应在 1 到 1000000 之间") }
                if let noise, !(0...50).contains(noise) { throw ValidationError("--noise 应在 0 到 50 之间") }
                do { _ = try FaultRequest.parse(faults ?? "none") } catch { throw ValidationError("--faults：\(error)") }
                do { try cityOptions().validate() } catch { throw ValidationError("\(error)") }
                if let entries = try? FileManager.default.contentsOfDirectory(atPath: out), !entries.isEmpty {
                    throw ValidationError("--out \(out) 不是空目录：city 只写入空目录或新目录")
                }
            case .bulkHardship, .bulkReceipts:
                guard let rows else { throw ValidationError("\(what.rawValue) 需要 --rows") }
                guard (1...20_000_000).contains(rows) else { throw ValidationError("--rows 应在 1 到 20000000 之间") }
                let cityOnly = [("--borrowers", borrowers != nil), ("--from", from != nil), ("--to", to != nil),
                                ("--faults", faults != nil), ("--noise", noise != nil), ("--no-gzip", noGzip),
                                ("--plain", plain), ("--edge-cases", edgeCases)]
                if let (name, _) = cityOnly.first(where: \.1) { throw ValidationError("\(name) 只用于 city") }
                if let department {
                    guard what == .bulkHardship else { throw ValidationError("--department 只用于 bulk-hardship") }
                    guard HardshipDepartment(rawValue: department) != nil else { throw ValidationError("--department 应为 MZ、XC 或 JY") }
                }
            }
        }

        func cityOptions() throws -> GeneratorOptions {
            GeneratorOptions(profile: policy.chosen, borrowers: borrowers ?? 200, from: from, to: to,
                             seed: seed, faults: try FaultRequest.parse(faults ?? "none"),
                             gzip: gzip ? .all : noGzip ? .none : .some, variety: !plain, edgeCases: edgeCases,
                             hardshipNoisePerBorrower: noise ?? 2)
        }

        func run() throws {
            let directory = URL(fileURLWithPath: out, isDirectory: true)
            let started = Date()
            do {
                switch what {
                case .city:
                    let report = try CityGenerator(options: try cityOptions()).write(to: directory)
                    let faulty = report.files.filter { $0.fault != nil }.count
                    print("已写出 \(report.files.count) 个文件（其中 \(faulty) 个带文件级错误）和 \(CityGenerator.manifestName)，位于 \(directory.path)")
                    print("借款人 \(report.borrowers)，放款 \(report.drawdowns) 笔，缴费 \(report.receipts) 条，"
                          + "还款 \(report.transactions) 笔，贴息申请 \(report.claimLines) 行，困难人员 \(report.hardshipPersons) 人")
                    print("注入错误 \(report.manifest.faults.count) 处"
                          + (report.manifest.unplaced.isEmpty ? "" : "；未能注入：\(report.manifest.unplaced.joined(separator: ", "))"))
                case .bulkHardship, .bulkReceipts:
                    var options = BulkOptions(profile: policy.chosen, rows: rows!)
                    options.seed = seed
                    options.gzip = gzip
                    if let date { options.date = date }
                    if let department { options.department = HardshipDepartment(rawValue: department)! }
                    let result = what == .bulkHardship ? try BulkGenerator.hardship(options, to: directory)
                        : try BulkGenerator.receipts(options, to: directory)
                    print("已写出 \(result.file.name)：\(result.file.records) 行，\(result.file.bytes) 字节")
                }
            } catch {
                FileHandle.standardError.write(Data("zhubao generate：生成失败（\(error)）\n".utf8))
                throw ExitCode(70)
            }
            let seconds = Int(Date().timeIntervalSince(started) * 1000)
            FileHandle.standardError.write(Data("zhubao generate：完成，用时 \(seconds) 毫秒\n".utf8))
        }
    }
}
