import ZhubaoCore

/// Realistic Chinese names: common family names (Hakka ones weighted up for 赣州), given
/// names of one or two characters, and now and then a rare character — 堃 燊 喆 珺, and 𠮷,
/// which lies outside the Basic Multilingual Plane (4 bytes in UTF-8 and in GB18030).
enum GenNames {
    static let common: [(String, Int)] = [
        ("王", 70), ("李", 70), ("张", 65), ("刘", 55), ("陈", 50), ("杨", 35), ("黄", 30),
        ("赵", 25), ("吴", 25), ("周", 25), ("徐", 20), ("孙", 18), ("马", 15), ("朱", 15),
        ("胡", 15), ("郭", 14), ("何", 13), ("高", 12), ("林", 12), ("罗", 12), ("郑", 11),
        ("梁", 10), ("谢", 10), ("宋", 8), ("唐", 8), ("许", 8), ("韩", 8), ("冯", 7),
        ("邓", 7), ("曹", 7), ("彭", 7), ("曾", 7), ("肖", 7), ("田", 6), ("董", 6),
        ("袁", 6), ("潘", 5), ("蒋", 5), ("蔡", 5), ("余", 5), ("杜", 5), ("叶", 5),
        ("程", 5), ("魏", 4), ("吕", 4), ("丁", 4), ("钟", 4), ("汪", 4), ("江", 3),
        ("方", 3), ("章", 3), ("石", 3), ("廖", 3), ("邱", 3), ("温", 2), ("赖", 2),
        ("欧阳", 1), ("司马", 1),
    ]
    /// Family names frequent among the Hakka of 赣州.
    static let hakka: [(String, Int)] = [
        ("赖", 30), ("钟", 30), ("温", 25), ("曾", 25), ("刘", 30), ("谢", 20), ("黄", 25),
        ("邱", 15), ("廖", 15), ("肖", 15), ("欧阳", 4),
    ]
    static let male: [String] = Array("建国志强福生德明永华文军伟平勇斌林荣海光辉金水根发春才富贵长兴龙庆祥义忠良")
        .map(String.init)
    static let female: [String] = Array("秀英兰芳玲梅珍红娟霞琴凤淑丽萍桂云莲翠菊美春燕丹慧敏静")
        .map(String.init)
    static let rare = ["堃", "燊", "喆", "珺", "𠮷"]

    static func name(male isMale: Bool, hakka: Bool, rng: inout GenRandom) -> String {
        let family = hakka && rng.chance(350) ? rng.weighted(Self.hakka) : rng.weighted(common)
        let pool = isMale ? male : female
        var given = rng.pick(pool)
        if family.count == 1, rng.chance(820) { given += rng.pick(pool) }
        if rng.chance(25) {
            let rareCharacter = rng.pick(rare)
            given = given.count > 1 && rng.chance(500) ? String(given.first!) + rareCharacter : given + rareCharacter
        }
        return family + given
    }

    /// A name with a comma inside, the way a spreadsheet cell sometimes holds one ("温,小玲").
    static func withComma(_ name: String) -> String {
        let characters = Array(name)
        guard characters.count >= 2 else { return name + ",0" }
        return String(characters[0]) + "," + String(characters[1...])
    }
}
