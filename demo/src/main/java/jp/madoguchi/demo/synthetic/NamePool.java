package jp.madoguchi.demo.synthetic;

import java.util.SplittableRandom;

/**
 * Names for synthetic residents, each with its reading. A few surnames carry the cases a registry must keep
 * exactly: IVS variants (葛 + U+E0104, 邊 + U+E010A — both present in IPAmj明朝) and non-BMP kanji (𠮷, 𡈽).
 * All combinations are invented; none is taken from a real register.
 */
final class NamePool {

    record Reading(String text, String kana) {
    }

    static final Reading[] SURNAMES = readings(
            "佐藤:サトウ", "鈴木:スズキ", "高橋:タカハシ", "田中:タナカ", "伊藤:イトウ", "渡辺:ワタナベ", "山本:ヤマモト",
            "中村:ナカムラ", "小林:コバヤシ", "加藤:カトウ", "吉田:ヨシダ", "山田:ヤマダ", "佐々木:ササキ", "山口:ヤマグチ",
            "松本:マツモト", "井上:イノウエ", "木村:キムラ", "林:ハヤシ", "斎藤:サイトウ", "清水:シミズ", "山崎:ヤマザキ",
            "森:モリ", "池田:イケダ", "橋本:ハシモト", "阿部:アベ", "石川:イシカワ", "山下:ヤマシタ", "中島:ナカジマ",
            "石井:イシイ", "小川:オガワ", "前田:マエダ", "岡田:オカダ", "長谷川:ハセガワ", "藤田:フジタ", "後藤:ゴトウ",
            "近藤:コンドウ", "村上:ムラカミ", "遠藤:エンドウ", "青木:アオキ", "坂本:サカモト", "窓口:マドグチ", "髙橋:タカハシ");

    /** Surnames with an ideographic variation sequence or a supplementary-plane kanji. */
    static final Reading[] SPECIAL_SURNAMES = readings(
            "葛\uDB40\uDD04西:カサイ", "渡\u908A\uDB40\uDD0A:ワタナベ", "\uD842\uDFB7田:ヨシダ", "\uD844\uDE3D屋:ツチヤ",
            "\uD842\uDFB7岡:ヨシオカ");

    static final Reading[] MALE_CLASSIC = readings("太郎:タロウ", "一郎:イチロウ", "浩:ヒロシ", "茂:シゲル", "清:キヨシ",
            "隆:タカシ", "勇:イサム", "修:オサム", "和夫:カズオ", "誠:マコト", "正男:マサオ", "博:ヒロシ", "実:ミノル");
    static final Reading[] MALE_MODERN = readings("蓮:レン", "陽翔:ハルト", "湊:ミナト", "悠真:ユウマ", "大和:ヤマト",
            "健太:ケンタ", "翔太:ショウタ", "大輔:ダイスケ", "拓也:タクヤ", "直樹:ナオキ", "颯太:ソウタ", "樹:イツキ");
    static final Reading[] FEMALE_CLASSIC = readings("花子:ハナコ", "幸子:サチコ", "和子:カズコ", "節子:セツコ",
            "恵子:ケイコ", "陽子:ヨウコ", "久美子:クミコ", "明美:アケミ", "洋子:ヨウコ", "京子:キョウコ", "文子:フミコ");
    static final Reading[] FEMALE_MODERN = readings("陽菜:ヒナ", "結衣:ユイ", "凛:リン", "葵:アオイ", "さくら:サクラ",
            "芽依:メイ", "美咲:ミサキ", "愛:アイ", "由美:ユミ", "裕子:ユウコ", "真由美:マユミ", "優子:ユウコ");

    /** Foreign residents: name as registered, reading, nationality, a common status of residence. */
    record ForeignName(String name, String kana, String nationality, String status, String category,
                       String alias, String aliasKana) {
    }

    static final ForeignName[] FOREIGN = {
            new ForeignName("NGUYEN VAN AN", "グエン ヴァン アン", "ベトナム", "技能実習", "1", null, null),
            new ForeignName("TRAN THI LAN", "チャン ティ ラン", "ベトナム", "留学", "1", null, null),
            new ForeignName("PHAM MINH DUC", "ファム ミン ドゥック", "ベトナム", "技術・人文知識・国際業務", "1", null, null),
            new ForeignName("王 偉", "ワン ウェイ", "中国", "永住者", "1", null, null),
            new ForeignName("李 芳", "リ ファン", "中国", "家族滞在", "1", null, null),
            new ForeignName("張 静", "チャン ジン", "中国", "技術・人文知識・国際業務", "1", null, null),
            new ForeignName("金 英子", "キム ヨンジャ", "韓国", "特別永住者", "2", "金田 英子", "カネダ エイコ"),
            new ForeignName("朴 正男", "パク チョンナム", "韓国", "特別永住者", "2", "新井 正男", "アライ マサオ"),
            new ForeignName("SANTOS MARIA CLARA", "サントス マリア クララ", "フィリピン", "日本人の配偶者等", "1", null, null),
            new ForeignName("SILVA JOAO", "シルバ ジョアン", "ブラジル", "定住者", "1", null, null),
            new ForeignName("SMITH JOHN", "スミス ジョン", "アメリカ合衆国", "教授", "1", null, null),
            new ForeignName("SHARMA PRIYA", "シャルマ プリヤ", "ネパール", "留学", "1", null, null),
    };

    private NamePool() {
    }

    static Reading givenName(SplittableRandom random, boolean male, int birthYear) {
        Reading[] classic = male ? MALE_CLASSIC : FEMALE_CLASSIC;
        Reading[] modern = male ? MALE_MODERN : FEMALE_MODERN;
        boolean useModern = birthYear >= 1990 || birthYear >= 1965 && random.nextBoolean();
        return pick(random, useModern ? modern : classic);
    }

    static Reading surname(SplittableRandom random) {
        // about 3 in 100 households carry an MJ variant or a non-BMP kanji
        return random.nextInt(100) < 3 ? pick(random, SPECIAL_SURNAMES) : pick(random, SURNAMES);
    }

    static <T> T pick(SplittableRandom random, T[] values) {
        return values[random.nextInt(values.length)];
    }

    private static Reading[] readings(String... pairs) {
        Reading[] result = new Reading[pairs.length];
        for (int i = 0; i < pairs.length; i++) {
            String[] parts = pairs[i].split(":");
            result[i] = new Reading(parts[0], parts[1]);
        }
        return result;
    }
}
