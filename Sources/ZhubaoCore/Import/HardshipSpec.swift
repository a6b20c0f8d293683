import Foundation

/// The one specification of a hardship line (formats.md §3): its columns and how each value is
/// decided. The ordinary reader (`HardshipImporter`, which words each failure) and the quick
/// path (`HardshipQuickPath`, which declines a line on any) both ask here, so a check is
/// written once; they differ only in what a failure costs.
struct HardshipSpec: Sendable {
    static let header = ["身份证号", "姓名", "人员类别", "行政区划", "认定日期", "终止日期", "终止原因"]
    static let countyDigits = 6

    /// The department sending the file (nil for a sender that is not one: nothing is stored).
    let department: HardshipDepartment?
    /// The department's categories with the UTF-8 of their names.
    let own: [(category: HardshipCategory, name: [UInt8])]

    init(department: HardshipDepartment?) {
        self.department = department
        own = HardshipCategory.allCases.filter { $0.department == department }.map { ($0, Array($0.name.utf8)) }
    }

    /// The department's category named by `bytes`, compared byte for byte (hashing a Chinese
    /// string normalizes it first, a measurable share of a row's cost).
    func category(named bytes: UnsafeBufferPointer<UInt8>) -> HardshipCategory? {
        own.first { $0.name.elementsEqual(bytes) }?.category
    }

    func category(named text: String) -> HardshipCategory? {
        var text = text
        return text.withUTF8 { category(named: $0) }
    }

    /// Why a category name that is not the department's is refused.
    func categoryProblem(_ name: String) -> String {
        let quoted = InputQuote.quoted(name)
        if let other = HardshipCategory.allCases.first(where: { $0.name == name })?.department {
            return "类别\(quoted)属于 \(other.rawValue) 部门，不应出现在 \(department?.rawValue ?? "") 的名单中"
        }
        let names = own.map(\.category.name).sorted().joined(separator: "、")
        return "类别\(quoted)不是 \(department?.rawValue ?? "") 的类别（\(names)）"
    }

    static func isCounty(_ bytes: some Collection<UInt8>) -> Bool { FieldReader.isDigits(bytes, count: countyDigits) }

    /// 终止原因, when not empty: one of `HardshipEndReason`'s, or refused thus.
    static func endReasonProblem(_ text: String) -> String {
        "终止原因\(InputQuote.quoted(text))应为空、正常退出或撤销"
    }
}
