/// The rejections decided from a well-formed name alone, before a byte of the file is read.
/// The one place for them: `Intake` (the daily job) and `Validator` (`zhubao validate`) both
/// ask here, so `validate` never passes a file that `run` rejects for its name.
extension FileName {
    /// The reason (E001) this city refuses a file of this name, or nil when it may be read.
    func refusal(under settings: Settings) -> String? {
        if region != settings.region {
            return "文件名中的地区代码 \(region) 不是本市 \(settings.region)"
        }
        if kind == .claims, !settings.profile.subsidisesInterest {
            return "本市方案 \(settings.profile.name.rawValue) 不贴息，不受理银行贴息申请（CLAIM）文件；文件未导入任何内容"
        }
        return nil
    }
}
