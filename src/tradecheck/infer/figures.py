"""Mentions -> figures with roles, attached to an entity, an indicator and a period.

A figure is one printed quantity of a release read in its sentence: a *level*
(8006.8亿元), its *growth* (同比增长12%), a *share* (占比48%), a *share change*
(占比提升2.8个百分点), a *gap* (高于全国16.1个百分点), a *pull* (拉动…增长7.4个
百分点), a *contribution rate* (贡献率156%), a *count*, an *average* (日均), a
*cumulative* (累计) or a *new* figure (新增/新建). Roles come from the words
just before the figure, in its clause; entity (the region), subject (product,
ownership, partner, trade mode) and direction (trade, exports, imports) from
the clause, then the sentence, then the document; lists of names take their
figures in order (东盟、欧盟…分别为…, "respectively").

Everything here looks at a figure's own sentence and its neighbours: one pass,
linear in the text.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cached_property

from tradecheck.lexicon import fold
from tradecheck.lexicon import language as guess_language
from tradecheck.text.documents import Document
from tradecheck.text.mentions import DATE, YEAR, Mention

LEVEL, GROWTH, SHARE, SHARE_CHANGE, GAP, PULL = (
    "level", "growth", "share", "share_change", "gap", "pull")
CONTRIBUTION_RATE, MULTIPLE, COUNT, AVERAGE = "contribution_rate", "multiple", "count", "average"
# a level averaged over years (年均…1.3万亿元以上): no relation reads it
ANNUAL_AVERAGE = "annual_average"
# a level the text compares a figure with (已超2020年全年的1503.6亿元): no relation reads it
COMPARED = "compared"
CUMULATIVE, NEW, RATIO, POINTS = "cumulative", "new", "ratio", "points"
AMOUNT_ROLES = (LEVEL, COUNT, AVERAGE, CUMULATIVE, NEW)

# Regions are entities: the figures of a release belong to one of them.
REGIONS: list[tuple[tuple[str, ...], str]] = [
    (("北京", "Beijing"), "beijing"), (("天津", "Tianjin"), "tianjin"),
    (("河北", "Hebei"), "hebei"), (("山西", "Shanxi"), "shanxi"),
    (("内蒙古", "Inner Mongolia"), "inner_mongolia"), (("辽宁", "Liaoning"), "liaoning"),
    (("吉林", "Jilin"), "jilin"), (("黑龙江", "Heilongjiang"), "heilongjiang"),
    (("上海", "Shanghai"), "shanghai"), (("江苏", "Jiangsu"), "jiangsu"),
    (("浙江", "Zhejiang"), "zhejiang"), (("安徽", "Anhui"), "anhui"),
    (("福建", "Fujian"), "fujian"), (("江西", "Jiangxi"), "jiangxi"),
    (("山东", "Shandong"), "shandong"), (("河南", "Henan"), "henan"),
    (("湖北", "Hubei"), "hubei"), (("湖南", "Hunan"), "hunan"),
    (("广东", "Guangdong"), "guangdong"), (("广西", "Guangxi"), "guangxi"),
    (("海南", "Hainan"), "hainan"), (("重庆", "Chongqing"), "chongqing"),
    (("四川", "Sichuan"), "sichuan"), (("贵州", "Guizhou"), "guizhou"),
    (("云南", "Yunnan"), "yunnan"), (("西藏", "Tibet", "Xizang"), "xizang"),
    (("陕西", "Shaanxi"), "shaanxi"), (("甘肃", "Gansu"), "gansu"),
    (("青海", "Qinghai"), "qinghai"), (("宁夏", "Ningxia"), "ningxia"),
    (("新疆", "Xinjiang"), "xinjiang"), (("深圳", "Shenzhen"), "shenzhen"),
    (("厦门", "Xiamen"), "xiamen"), (("宁波", "Ningbo"), "ningbo"),
    (("青岛", "Qingdao"), "qingdao"), (("广州", "Guangzhou"), "guangzhou"),
    # cities a provincial release reports beside the province, named with 市 (武汉海关 is
    # the customs office, not the city's trade; "Jinan customs" likewise, so no English)
    (("武汉市", "武漢市"), "wuhan"), (("杭州市",), "hangzhou"), (("南京市",), "nanjing"),
    (("苏州市", "蘇州市"), "suzhou"), (("成都市",), "chengdu"), (("郑州市", "鄭州市"), "zhengzhou"),
    (("西安市",), "xian"), (("长沙市", "長沙市"), "changsha"), (("合肥市",), "hefei"),
    (("济南市", "濟南市"), "jinan"), (("福州市",), "fuzhou"), (("东莞市", "東莞市"), "dongguan"),
    # areas of several regions: their figures are no one region's, nor the nation's
    (("粤港澳大湾区", "大湾区", "Greater Bay Area"), "greater_bay_area"),
    (("长三角", "Yangtze River Delta"), "yangtze_river_delta"),
    (("泛珠三角",), "pan_pearl_river_delta"),
    (("全国", "我国", "中国", "China", "national"), "china"),
]
_REGION_SLUGS = frozenset(slug for _, slug in REGIONS)
# the cities of REGIONS: a province's release that names one is still the province's
CITIES = frozenset({"shenzhen", "xiamen", "ningbo", "qingdao", "guangzhou", "wuhan", "hangzhou",
                    "nanjing", "suzhou", "chengdu", "zhengzhou", "xian", "changsha", "hefei",
                    "jinan", "fuzhou", "dongguan"})
# Subjects narrow an indicator: ownership, partners, products, trade modes.
SUBJECTS: list[tuple[tuple[str, ...], str]] = [
    # names are matched on folded text; 營 and 術 are left out of the lexicon's fold
    (("民营企业", "民營企业", "民企", "private enterprises", "private sector", "private companies",
      "private firms"),
     "private"),
    (("外商投资企业", "外资企业", "foreign-invested", "foreign-funded", "foreign enterprises"),
     "foreign_invested"),
    (("国有企业", "SOEs", "state-owned"), "soe"),
    (("一般贸易", "general trade", "general imports and exports", "general exports and imports"),
     "general"), (("加工贸易", "processing trade"), "processing"),
    (("保税物流", "bonded logistics"), "bonded_logistics"),
    # 通过市场采购贸易方式出口2020.3亿元 (义乌): a trade mode, not the city's exports
    (("市场采购", "市场採購", "market procurement"), "market_procurement"),
    (("东盟", "ASEAN", "Association of Southeast Asian Nations"), "asean"),
    (("欧盟", "EU", "European Union"), "eu"),
    (("美国", "United States", "U.S."), "us"), (("拉美", "Latin America"), "latam"),
    (("非洲", "Africa"), "africa"), (("中亚", "Central Asia"), "central_asia"),
    (("一带一路", "Belt and Road", "BRI"), "bri"),
    (("RCEP", "RECP"), "rcep"),  # RECP: a misspelling printed in English releases
    (("日本", "Japan"), "japan"), (("香港", "Hong Kong"), "hong_kong"),
    (("韩国", "South Korea"), "korea"), (("俄罗斯", "Russia"), "russia"),
    (("印度", "India"), "india"), (("澳大利亚", "Australia"), "australia"),
    (("台湾", "Taiwan"), "taiwan"),
    # members of ASEAN (印度尼西亚 is not 印度)
    (("印度尼西亚", "印尼", "Indonesia"), "indonesia"),
    (("越南", "Vietnam", "Viet Nam"), "vietnam"),
    (("马来西亚", "Malaysia"), "malaysia"), (("泰国", "Thailand"), "thailand"),
    (("新加坡", "Singapore"), "singapore"), (("菲律宾", "Philippines"), "philippines"),
    (("机电产品", "mechanical and electrical"), "mech_elec"),
    (("电子信息", "electronic information"), "electronics"),
    (("装备制造业", "equipment manufacturing"), "equipment"),
    (("高技术产品", "高新技术产品", "高技術产品", "高新技術产品", "high-tech"), "hightech"),
    (("劳动密集型", "劳密产品", "勞密产品", "labor-intensive", "labour-intensive"),
     "labor_intensive"),
    (("笔记本电脑", "notebook", "laptop"), "laptops"), (("手机", "mobile phone"), "phones"),
    (("摩托车", "motorcycle"), "motorcycles"),
    (("集成电路", "积体电路", "integrated circuit"), "ic"),
    (("电动汽车", "electric vehicle"), "evs"), (("汽车", "automobile", "vehicle"), "autos"),
    (("新三样", "new three", "new trio"), "new_three"), (("农产品", "agricultural"), "agri"),
    (("跨境电商", "e-commerce"), "ecommerce"), (("大宗商品", "bulk commodit"), "bulk"),
    (("消费品", "消費品", "consumer goods"), "consumer_goods"),  # 进口消费品119.2亿元
    # goods a release names beside its classes (原油、铁矿砂、大豆分别进口…)
    (("原油", "crude oil"), "crude_oil"), (("铁矿砂", "铁矿石", "iron ore"), "iron_ore"),
    (("天然气", "natural gas"), "natural_gas"), (("大豆", "soybean"), "soybeans"),
    (("煤炭", "coal"), "coal"), (("钢材", "steel products"), "steel"),
    (("纺织服装", "纺织品", "textile"), "textiles"), (("服装", "garment", "clothing"), "garments"),
    (("综保区", "综合保税区", "bonded zone"), "bonded_zones"),
    (("经营主体", "business entities"), "firms"),
    # 累计出口成交1873.01亿元 (a trade fair's export deals): not the exports of customs figures
    (("出口成交", "进口成交", "成交额"), "deals"),
    # 大连百强企业进出口额539.6亿元: the top 100 firms' trade, a part of the city's
    (("百强企业",), "top100_firms"),
    (("自主品牌", "private label", "own-brand"), "own_brand"),
    (("技改投资", "技术改造投资"), "tech_invest"), (("工业投资",), "industrial_invest"),
    (("中欧班列", "中欧(中亚)班列", "China-Europe"), "rail_freight"),
    # transport modes (按运输方式): 以航空运输方式进出口1493.5亿元
    (("航空运输", "空运"), "air"), (("海运", "水路运输"), "sea"),
    (("铁路运输",), "rail"), (("公路运输",), "road"),
]
# "exports and imports of private enterprises", "imported and exported 5.85 trillion yuan": trade,
# not the exports or imports named last
_TRADE_WORDS = re.compile(r"进出口|外贸|贸易额|贸易总[值额]|imports? and exports?|"
                          r"imports?\s*(?:-|&)\s*exports?|"  # "import-export volume"
                          r"exports? and imports?|imported and exported|exported and imported|"
                          r"foreign trade|total trade",
                          re.IGNORECASE)
DIRECTIONS: list[tuple[tuple[str, ...], str]] = [
    (("trade",), "trade"),
    (("出口", "export"), "exports"), (("进口", "import"), "imports"),
]

_DIRECTION_NAMES: list[tuple[tuple[str, ...], str]] = [
    (("进出口", "imports and exports", "foreign trade"), "trade"),
    (("出口", "exports"), "exports"), (("进口", "imports"), "imports"),
]
# durations and ordinals are not figures a release's arithmetic is about
_NOT_FIGURES = frozenset({"quarter", "month", "year", "day", "week", "hour"})
_GROWTH = re.compile(
    r"增长|增速|增加|提高|提升|上升|下降|减少|回落|下滑|同比|比上年|较上年|"
    r"increase|growth|grew|rose|rises?\b|rising|up\b|down\b|decrease|decline|fell|"
    r"year-on-year|year on year|"
    r"surged?|soared?|jumped|climbed|expanded|edged|dropped|dropping|slid|gained|reduction|"
    r"slumped|plunged|tumbled|falling|fallen|shrank|shrunk|contracted|slipped",
    re.IGNORECASE)
_SHARE = re.compile(r"占|比重|所占比|share|accounting for|accounted for|of the total|"
                    r"proportion", re.IGNORECASE)
# 贡献度 (對該省出口貢獻度達103.6%) is the same ratio under another name
_CONTRIBUTION_RATE = re.compile(r"贡献率|贡献度|貢獻率|貢獻度|contribution rate", re.IGNORECASE)
# 拉高出口整体增速8.5个百分点 (raises the exports' growth by 8.5 points) is a pull too
_PULL = re.compile(r"拉动|带动|拉高|drove|driving|pulled|boosted", re.IGNORECASE)
# "the import contributed 76.7% to the total foreign trade growth": a contribution rate in
# English (the verb before the figure, the growth it is a part of after it)
EN_CONTRIBUTED = re.compile(r"\b(?:the\s+)?(exports?|imports?)\s+contribut(?:ed|es)\s*$",
                            re.IGNORECASE)
EN_TO_TRADE_GROWTH = re.compile(r"\s*to\s+(?:the\s+)?(?:total\s+)?(?:foreign\s+)?trade\s+"
                                r"growth\b", re.IGNORECASE)
_GAP = re.compile(r"(?<!提)高于|低于|快于|慢于|高出|低出|"
                  r"(?:比|较)[^，,。；;]{0,16}?(?<!提)[高低快慢]|"
                  r"higher than|lower than|faster than|slower than|above|below|"
                  r"percentage points? (?:higher|lower|faster|slower|more|less)", re.IGNORECASE)
# a Chinese decline printed as the figure's growth (下降1.8%, 减少了3%): the word is part
# of the mention's surface
_CN_DECLINE_PRINTED = re.compile(r"(?:下降|减少|下滑|回落|下跌|降低)了?[\d.]")
# what else a clause's percentage may measure: a price, a volume, a quantity (均价下降10.3%)
_OTHER_MEASURE = re.compile(r"价|数量|量|指数|单价")
_RATE_WORDS = re.compile(r"增速|增幅|降幅|增长率|占比|比重|growth rate|pace|share", re.IGNORECASE)
_OF_AFTER = re.compile(r"\s*of\s+(?:the|its|China['’]s|the province['’]s|the country['’]s|"
                       r"the city['’]s)\s", re.IGNORECASE)
# "up 6.6 percent year-on-year and representing 15.2 percent of the province's total": the
# growth word belongs to the figure before the verb
_SHARE_VERB = re.compile(r"\b(?:representing|making up|constituting)\b", re.IGNORECASE)
_GAP_AFTER = re.compile(r"^\s*(?:higher|lower|faster|slower|above|below|more|less)",
                        re.IGNORECASE)
_CHANGE = re.compile(r"提高|提升|上升|增加|下降|降低|回落|减少|扩大|缩小|"
                     r"\bup\b|\bdown\b|rose|fell|increased|decreased", re.IGNORECASE)
_SHARE_CHANGE_AFTER = re.compile(r"\s*(?:an?\s+)?(?:increase|decrease|rise|drop|gain)\s+of\s*|"
                                 r"\s*(?:up|down)\s*(?:by\s*)?", re.IGNORECASE)
_TO = re.compile(r"^[\s的]*(?:提高|提升|上升|增加|下降|降低|回落|减少|扩大|缩小|升)?"
                 r"(?:至|到|为)[\s*]*$|^\s*(?:to)\s*$", re.IGNORECASE)
_GROWTH_NOUN_AFTER = re.compile(r"的(?:较快|快速|稳定|稳步|小幅|大幅|正)?(?:增长|增速)")
# 年均, and 两年平均 (the two-year average of 2021's releases, against 2019): an average annual
# growth, never a year-on-year one
_ANNUAL = re.compile(r"年均|平均每年|[两兩三二]年平均|average annual|annual average|annually|"
                     r"(?:two|three)-year average", re.IGNORECASE)
_AVERAGE = re.compile(r"日均|平均每天|每天|每日|per day|daily|a day", re.IGNORECASE)
# 进出口总额年均保持在1.3万亿元以上 (over a five-year plan): a level that is an average over
# years, not the level of the period (never 年均增长, a growth)
_COMPARED_WITH = re.compile(r"(?:已?超过?|高于|低于|相当于)(?:19|20)\d\d年(?:全年|同期)?的?$")
_ANNUAL_LEVEL = re.compile(r"(?:年均|平均每年)(?![增减下提])[^，,。；;\d]{0,8}$")
_CUMULATIVE = re.compile(r"累计|累积|cumulative|in total|a total of", re.IGNORECASE)
_NEW = re.compile(r"新增|新建|新开工|新设|newly|new\b", re.IGNORECASE)
_BASE_YEAR = re.compile(r"(?:比|较|与|和|相比|同比|than|over|from|since|by|由|从)\s*$",
                        re.IGNORECASE)
# "a 44.5 percent increase compared with the same period in 2019": 2019 is the base
_EN_BASE_YEAR = re.compile(r"\b(?:compared (?:with|to)|than|over|from|since|against|versus)\s+"
                           r"(?:the\s+)?(?:same\s+period\s+(?:of|in)\s+|level\s+of\s+)?$",
                           re.IGNORECASE)
_MULTIPLE_GROWTH = re.compile(r"增长了?(?:约|近|超过?)?$")
RESPECTIVELY = re.compile(r"分别|分別|respectively", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[，,；;：:（(]")
# Sentence ends; a markdown hard break ("  \n") continues the sentence (a card of figures).
# "U.S. dollars", "Jan. 18" do not end a sentence.
# The lookbehinds come after the character they guard, so they run only at a "." or a
# newline, not at every position (14x faster on a release, the same matches).
_SENTENCE_END = re.compile(r"[。！？!?；;]|\.(?<!U\.S\.)(?<!\bJan\.)(?<!\bFeb\.)(?<!\bAug\.)"
                           r"(?<!\bSep\.)(?<!\bSept\.)(?<!\bOct\.)(?<!\bNov\.)(?<!\bDec\.)"
                           r"(?=\s|$)|\n(?<!  \n)")


@dataclass(slots=True, eq=False)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int
    figures: list[Figure] = field(default_factory=list)
    previous: Sentence | None = None  # the sentence with figures before it, in its paragraph

    @property
    def semicolon(self) -> bool:
        """Ends with a semicolon: the sentence after it goes on with it (…;其中出口…)."""
        return self.text[-1:] in ("；", ";")


@dataclass(slots=True, eq=False)
class Figure:
    """A quantity with its role and what it is about."""

    mention: Mention
    role: str
    entity: str
    subject: str | None
    direction: str | None
    period: str | None
    sentence: Sentence
    source: str  # the document's source key
    path: str
    near: str  # the words between the previous figure and this one
    growth: Mention | None = None  # the growth printed with a level
    owner: Figure | None = None  # for a growth attached to a level: that level
    annual: bool = False  # 年均: an average annual growth
    other_entity: str | None = None  # gap / share against another region (全国, the nation)
    whole: str | None = None  # share / pull: the direction or subject of the whole, if named
    translation: bool = False  # the translation of a figure of the original (same_as)
    trusted: bool = True  # False: a translated figure compare could not align to its original
    unnamed: bool = False  # one of a list of figures whose list of names scan could not read
    id: str = ""

    @property
    def indicator(self) -> str:
        parts = [p for p in (self.subject, self.direction) if p]
        return "_".join(parts) if parts else _UNIT_WORDS.get(self.mention.unit or "", "figure")

    @property
    def key(self) -> tuple[str, str, str | None]:
        return (self.entity, self.indicator, self.period)


_UNIT_WORDS = {"CNY": "amount", "USD": "amount_usd", "EUR": "amount_eur", "count": "count",
               "percent": "rate", "percentage_point": "points", "times": "multiple",
               "tonne": "tonnes"}


@dataclass(slots=True)
class ReadDocument:
    document: Document
    source: str
    lang: str
    entity: str
    period: str | None
    sentences: list[Sentence]
    figures: list[Figure]
    skipped: list[str]
    mentions: list[Mention]


def read_figures(document: Document, mentions: list[Mention], source: str) -> ReadDocument:
    """The figures of one document with roles, attachments and ids (ids unique per run are
    given later, by ``assign_ids``)."""
    # cues are matched on the folded text (增長 -> 增长, 個百分點 -> 个百分点, offsets kept);
    # quotes stay as printed
    text = fold(document.text)
    years = _years(mentions, text)
    # the year the text reports on, not the base its growth rates compare with (比2019年同期)
    common = Counter(int(m.value) for m in years if _paragraph_year(m, text)).most_common(1)
    if not common:
        common = Counter(int(m.value) for m in years).most_common(1)
    default_period = str(common[0][0]) if common else None
    entity, city = document_places(text)
    read = ReadDocument(document, source, language(text), entity, default_period, [], [], [],
                        mentions)
    paragraph_of = _paragraph_finder(text)
    year_index = 0
    line_breaks = [m.start() for m in re.finditer("\n", text)]
    last_period, last_paragraph, last_line = default_period, -1, -1
    for start, end, group in _sentences(text, mentions):
        # the sentence starts at its first printed character: offsets into its (stripped)
        # text are offsets from its start (a paragraph indented with spaces, "    同期,…")
        raw = text[start:end]
        start += len(raw) - len(raw.lstrip())
        paragraph = paragraph_of(start)
        # a year carries to the next sentences of its line only: a transcript's lines are
        # its paragraphs (去年我国出口…26.99万亿元 is 2025, not the 2026 of the answer before)
        line = bisect.bisect_right(line_breaks, start)
        if paragraph != last_paragraph or line != last_line:
            last_period, last_paragraph, last_line = default_period, paragraph, line
        sentence = Sentence(start, end, document.text[start:end].strip(), paragraph)
        if read.sentences and read.sentences[-1].paragraph == paragraph:
            sentence.previous = read.sentences[-1]
        while year_index < len(years) and years[year_index].start < start:
            year_index += 1
        sentence_years = [y for y in years[year_index:] if y.start < end]
        previous_end = start
        for mention in group:
            if mention.unit in _NOT_FIGURES:
                continue
            if mention.high is not None:
                read.skipped.append(f"{document.path}:{mention.line}: range {mention.surface!r}")
                previous_end = mention.end
                continue
            near = text[max(previous_end, mention.start - 40):mention.start]
            period = _period_of(mention, sentence_years, text) or last_period
            figure = Figure(mention, "", entity, None, None, period, sentence, source,
                            str(document.path), near)
            sentence.figures.append(figure)
            previous_end = mention.end
        if sentence.figures:
            _assign_roles(text, sentence)
            _attach_growth(text, sentence)
            _year_to_date(sentence)
            _over_base_year(sentence)
            _name(text, sentence, entity, city)
            _continued_share(text, sentence)
            _counted_subject(text, sentence)
            read.sentences.append(sentence)
            read.figures.extend(sentence.figures)
            if sentence_years:
                last_period = str(int(sentence_years[0].value)) if _paragraph_year(
                    sentence_years[0], text) else last_period
    _inherit_subject(text, read.sentences, entity)
    return read


_OF_WHICH = re.compile(r"其中|of (?:the|this) total|of which|among them", re.IGNORECASE)


def _inherit_subject(text: str, sentences: list[Sentence], entity: str) -> None:
    """民营企业进出口10556.4亿元…。其中,出口7369.2亿元;进口3187.2亿元 / "Of the total,
    exports rose…": exports and imports after 其中 that name no subject of their own are the
    subject's (private firms'), not the province's; after 武汉市进出口1795.5亿元…其中 they
    are the city's. The list goes on past a semicolon (…;进口3187.2亿元)."""
    previous: Sentence | None = None
    parent: Figure | None = None  # the whole of a 其中 list still open at a semicolon
    for sentence in sentences:
        cue = _OF_WHICH.search(text, sentence.start, sentence.end)
        start = cue.start() if cue is not None else sentence.start
        if cue is not None:
            before = [f for f in sentence.figures if f.mention.end <= cue.start()]
            if not before and previous is not None and (
                    sentence.paragraph - previous.paragraph <= 1) \
                    and not text[sentence.start:cue.start()].strip(" \n\t,，"):
                before = previous.figures
            parents = [f for f in before if f.role == LEVEL and f.owner is None]
            parent = parents[-1] if parents else None
        elif parent is not None and not _continues(text, previous, sentence):
            parent = None
        if parent is not None and parent.direction == "trade":
            for figure in sentence.figures:
                if figure.mention.start > start and figure.direction in ("exports", "imports"):
                    _inherit(text, parent, figure, start, entity)
        if not sentence.semicolon:
            parent = None
        previous = sentence


# a sentence that opens with its share (after a semicolon): 占江苏省进出口总值的38%
_OPENS_WITH_SHARE = re.compile(r"[\s,，]*(?:并|且|同时)?占(?!比)")


def _continued_share(text: str, sentence: Sentence) -> None:
    """其中,民营企业进出口8085.4亿元,增长13.1%;占江苏省进出口总值的38%,占比较去年同期提升
    1.6个百分点: the share (and its change) after the semicolon is the share of the level that
    ended the sentence before, so it takes that level's entity, subject and direction."""
    previous = sentence.previous
    first = sentence.figures[0]
    if previous is None or first.role != SHARE or first.subject or first.direction:
        return
    if not _OPENS_WITH_SHARE.match(text[sentence.start:first.mention.start]):
        return
    if not previous.semicolon:
        return  # a new sentence (。) starts a new subject
    levels = [f for f in previous.figures if f.role == LEVEL and f.owner is None]
    if not levels:
        return
    part = levels[-1]
    for figure in sentence.figures:
        if figure.role in (SHARE, SHARE_CHANGE) and figure.owner is None:
            figure.entity, figure.subject, figure.direction = (part.entity, part.subject,
                                                               part.direction)


def _continues(text: str, previous: Sentence | None, sentence: Sentence) -> bool:
    """The sentence goes on the one before it after a semicolon, in the same paragraph."""
    return previous is not None and previous.paragraph == sentence.paragraph and (
        not text[previous.end:sentence.start].strip())


def _inherit(text: str, parent: Figure, figure: Figure, start: int, entity: str) -> None:
    if figure.subject is None and parent.subject is not None and figure.entity == parent.entity:
        figure.subject = parent.subject
    if figure.entity == entity != parent.entity and figure.subject == parent.subject and (
            _find(REGIONS, text[start:figure.mention.start]) is None):
        figure.entity = parent.entity  # 武汉市进出口…其中,出口960.7亿元: the city's exports


def _counted_subject(text: str, sentence: Sentence) -> None:
    """新疆有进出口实绩的民营企业达4252家,同比增加24.9%;进出口值4826.6亿元,占比92.75%: after a
    semicolon, the value of the firms just counted is theirs (民营企业's trade), when its own
    clause names no subject."""
    previous = sentence.previous
    if previous is None or not previous.semicolon:
        return
    counts = [f for f in previous.figures if f.owner is None and f.role != GROWTH]
    subjects = {f.subject for f in counts}
    if not counts or any(f.role != COUNT for f in counts) or len(subjects) != 1:
        return
    first = sentence.figures[0]
    subject = next(iter(subjects))
    if subject is None or first.role != LEVEL or first.subject is not None or (
            first.entity != counts[0].entity):
        return
    for figure in sentence.figures:
        if figure.subject is None and figure.entity == first.entity:
            figure.subject = subject


_DATE_YEAR = re.compile(r"(?:19|20)\d\d(?=\s*年)")


_SINCE = re.compile(r"\s*(?:份)?(?:以来|来|起|至今|之后|以后|之前|以前)")


def _years(mentions: list[Mention], text: str) -> list[Mention]:
    """The years of the text, in order; a date that opens with one counts as that year
    (2021年1—7月: 2021, where a 比2019年同期 is the only other year and would be taken
    for the figures' year), unless it is a point in time (2014年12月份以来: since)."""
    years = []
    for m in mentions:
        if m.kind == YEAR and m.value:
            years.append(m)
        elif m.kind == DATE and (found := _DATE_YEAR.match(m.surface)) and not _SINCE.match(
                text, m.end):
            years.append(replace(m, surface=found.group(), value=float(found.group()),
                                 kind=YEAR, end=m.start + found.end()))
    return years


def _paragraph_year(year: Mention, text: str) -> bool:
    return not _base_year(year, text)


def _base_year(year: Mention, text: str) -> bool:
    """比2020年, 较2019年; "compared with the same period in 2019": the base a growth is over,
    not the year of the figures."""
    return bool(_BASE_YEAR.search(text[max(0, year.start - 4):year.start])
                or _EN_BASE_YEAR.search(text[max(0, year.start - 40):year.start]))


def _paragraph_finder(text: str):
    breaks = [m.start() for m in re.finditer(r"\n\s*\n", text)]

    def paragraph_of(offset: int) -> int:
        import bisect
        return bisect.bisect_right(breaks, offset)
    return paragraph_of


def _sentences(text: str, mentions: list[Mention]):
    """(start, end, quantities) for each sentence holding a figure; conversions skipped."""
    figures = [m for m in mentions if m.is_quantity and m.note != "conversion"]
    i = 0
    while i < len(figures):
        start = _sentence_start(text, figures[i].start)
        end = _sentence_end(text, figures[i].end)
        group = []
        while i < len(figures) and figures[i].start < end:
            group.append(figures[i])
            i += 1
        yield start, end, group


def _sentence_start(text: str, offset: int) -> int:
    window_start = max(0, offset - 400)
    last = None
    for last in _SENTENCE_END.finditer(text, window_start, offset):  # noqa: B007
        pass
    return last.end() if last else window_start


def _sentence_end(text: str, offset: int) -> int:
    found = _SENTENCE_END.search(text, offset, offset + 400)
    return found.end() if found else min(len(text), offset + 400)


def _period_of(mention: Mention, years: list[Mention], text: str) -> str | None:
    """The year the figure is for: a year just before it (2021年的34.6%), else the last year
    of its sentence before it that is not a base (比2020年)."""
    best = None
    for year in years:
        if year.start >= mention.start:
            break
        if re.fullmatch(r"的\s*", text[year.end:mention.start]):
            return str(int(year.value))  # 由2021年的34.6%
        if _base_year(year, text):
            continue  # 比2020年增长69.7%: the base, not the figure's year
        if year.end + 2 >= mention.start:
            return str(int(year.value))  # 2021年34.6%
        best = year
    return str(int(best.value)) if best is not None else None


# --- roles ----------------------------------------------------------------------------------


def _assign_roles(text: str, sentence: Sentence) -> None:
    previous: Figure | None = None
    for figure in sentence.figures:
        figure.role = _role(text, figure, previous)
        if figure.role == GROWTH and _ANNUAL.search(figure.near):
            figure.annual = True
        previous = figure


# A change on the month or quarter before (环比, 比上月, "month-on-month"): no level's
# year-on-year growth, so none of the relations that read one (prior, implied growth, gaps)
_SEQUENTIAL = re.compile(r"环比|環比|[比较較]上(?:个|個)?(?:月|季度)|month[- ]on[- ]month|"
                         r"quarter[- ]on[- ]quarter", re.IGNORECASE)
_SEQUENTIAL_AFTER = re.compile(r"[^.;,，。；]{0,12}?\b(?:month[- ]on[- ]month|quarter[- ]on[- ]"
                               r"quarter|from (?:the )?(?:previous|preceding|prior) (?:month|"
                               r"quarter)|sequentially)\b", re.IGNORECASE)


def _role(text: str, figure: Figure, previous: Figure | None) -> str:
    m, near = figure.mention, figure.near
    clause = _CLAUSE_BREAK.split(near)[-1] if near else ""
    unit = m.unit
    if unit == "percentage_point":
        if previous is not None and previous.role in (GAP, PULL, SHARE_CHANGE) and not clause.strip(
                " 、,和and"):
            return previous.role  # 8.2、4.1、15.9个百分点: one list
        if _PULL.search(near):
            return PULL
        if _SHARE.search(text[figure.sentence.start:m.start][-40:]) and _CHANGE.search(clause):
            return SHARE_CHANGE
        if previous is not None and previous.role == SHARE and _SHARE_CHANGE_AFTER.fullmatch(
                clause):
            # "accounting for 56.8% of …, an increase of 2.4 percentage points over …"
            return SHARE_CHANGE
        if _GAP.search(near) or _GAP_AFTER.search(text[m.end:m.end + 12]):
            return GAP
        return POINTS
    if unit == "percent":
        if _SEQUENTIAL.search(clause) or _SEQUENTIAL_AFTER.match(text, m.end, m.end + 40):
            return RATIO  # 环比增长5%: on the month before, not the year-on-year growth
        if m.lang == "en" and _GROWTH.search(m.surface) and not _RATE_WORDS.search(clause):
            # "a decrease of 1.5%", "down by 4.8%": the growth word is in the mention
            return GROWTH
        if m.lang == "zh" and _CN_DECLINE_PRINTED.match(m.surface) and not (
                _RATE_WORDS.search(clause) or _OTHER_MEASURE.search(clause)):
            # 出口12.47万亿元,下降1.8%: the decline word is in the mention, the clause is
            # empty; not a price's or a volume's fall (进口均价下降10.3%). Once it added a
            # held-out false failure: a city's figure taken for another entity's (fixed since)
            return GROWTH
        if previous is not None and previous.role == SHARE_CHANGE and _TO.search(near):
            return SHARE  # 占比提升2.8个百分点至48%
        if previous is not None and previous.role == SHARE and _TO.search(near):
            return SHARE  # 由34.6%提高至35.4%
        if previous is not None and previous.role in (GROWTH, SHARE, CONTRIBUTION_RATE) and (
                not clause.strip(" 、,和and")):
            return previous.role  # a list: 35.4%、23%、29.5%
        if _CONTRIBUTION_RATE.search(clause or near) or (
                EN_CONTRIBUTED.search(clause) and EN_TO_TRADE_GROWTH.match(text, m.end)):
            return CONTRIBUTION_RATE
        if _SHARE.search(clause) or (m.lang == "en" and _OF_AFTER.match(
                text, m.end, m.end + 40) and not _GROWTH.search(_SHARE_VERB.split(clause)[-1])):
            return SHARE  # "or 40.6% of the province's total"
        if _GROWTH.search(clause) or (m.lang == "zh" and _GROWTH_NOUN_AFTER.match(text, m.end)):
            return GROWTH  # 实现3.8%的较快增长: the growth word after the figure
        if _SHARE.search(near):
            return SHARE
        if _GROWTH.search(near):
            return GROWTH
        return RATIO
    if unit == "times":
        if m.lang == "zh" and _MULTIPLE_GROWTH.search(text[max(0, m.start - 8):m.start]):
            return GROWTH  # 增长1.5倍: +150%
        if previous is not None and previous.role == GROWTH and previous.mention.unit == "times" \
                and not clause.strip(" 、,和"):
            return GROWTH
        return MULTIPLE  # 3.5-fold, 是…的2倍: ambiguous or a ratio, never a growth
    if _AVERAGE.search(clause[-12:]):
        return AVERAGE
    if _ANNUAL_LEVEL.search(clause):
        return ANNUAL_AVERAGE  # 年均保持在1.3万亿元以上: a year's average, not the period's total
    if _COMPARED_WITH.search(clause):
        return COMPARED  # 出口1524.7亿元,已超2020年全年的1503.6亿元: another period's level
    if _CUMULATIVE.search(clause):
        return CUMULATIVE
    if _NEW.search(clause):
        return NEW
    if previous is not None and previous.role in (CUMULATIVE, NEW) and not clause.strip(" 、,和"):
        return previous.role
    return COUNT if unit == "count" else LEVEL


# --- growth attachment ---------------------------------------------------------------------


def _attach_growth(text: str, sentence: Sentence) -> None:
    """A level takes the growth printed after it; ``分别``/``respectively`` pairs a list of
    levels with a list of growths in order."""
    _attach_growth_before(text, sentence)
    figures = [f for f in sentence.figures if f.owner is None and f.growth is None]
    i = 0
    while i < len(figures):
        levels = []
        while i < len(figures) and figures[i].role != GROWTH:
            levels.append(figures[i])
            i += 1
        growths = []
        while i < len(figures) and figures[i].role == GROWTH:
            growths.append(figures[i])
            i += 1
        amounts = [f for f in levels if f.role in AMOUNT_ROLES]
        if not amounts or not growths:
            continue
        if growths[0].annual:
            continue
        growths = _own_growths(text, growths)
        if len(growths) > 1:
            between = text[amounts[-1].mention.end:growths[-1].mention.end]
            after = text[growths[-1].mention.end:growths[-1].mention.end + 16]
            run = _trailing_run(text, amounts)
            if len(run) != len(growths) and len(levels) >= len(growths) and all(
                    f.role in AMOUNT_ROLES and f.mention.unit == levels[-1].mention.unit
                    for f in levels[-len(growths):]):
                run = levels[-len(growths):]  # 出口3837亿元,进口1873.7亿元,分别增长1.8%、4.1%
            if len(run) == len(growths) and (RESPECTIVELY.search(between) or
                                             RESPECTIVELY.search(after)):
                for level, growth in zip(run, growths, strict=True):
                    _attach(level, growth)
            continue  # several growths without 分别: not attached
        level = _restated(text, amounts)
        if _own_subject(growths[0]):
            continue  # 累计达到127个，示范项目的生产效率平均提升58.9%: another subject's growth
        # 出口4962.4亿元,占比88.8%,同比增长9.1%: the growth is the amount's, unless another
        # subject is named between them (进口机电产品…, 其中电子元件…增长16.2%)
        between = text[level.mention.end:growths[0].mention.start]
        if re.search(r"其中|of which|among them", between, re.IGNORECASE):
            continue
        _attach(level, growths[0])


def _own_growths(text: str, growths: list[Figure]) -> list[Figure]:
    """The run of growths up to one that names another region in its clause (增长24.6%,而同期
    全国外贸进出口下降7.3%: the nation's, not a second growth of the province's level)."""
    for k in range(1, len(growths)):
        clause = _cut_clause(text[growths[k - 1].mention.end:growths[k].mention.start])
        if _region(clause) is not None:
            return growths[:k]
    return growths


# 进出口总值8648.5亿元人民币,外贸规模突破8600亿元: the same total, restated as a mark passed
_MARK_RESTATED = re.compile(r"(?:人民币)?[\s，,]*(?:外贸|货物贸易|进出口)?(?:总值|总额|规模)?[\s]*")


def _restated(text: str, amounts: list[Figure]) -> Figure:
    """The amount a growth printed after them is about: the last, unless the last is a mark
    the exact figure before it passed (8648.5亿元,外贸规模突破8600亿元,…,同比增长7.4%)."""
    last = amounts[-1]
    if len(amounts) < 2 or last.mention.qualifier != "over":
        return last
    exact = amounts[-2]
    if exact.mention.qualifier or exact.mention.unit != last.mention.unit or (
            exact.role != last.role):
        return last
    if not _MARK_RESTATED.fullmatch(text[exact.mention.end:last.mention.start]):
        return last
    return exact


# "foreign trade rose by 4.8% year on year to 5.45 trillion yuan": the growth before its level
_GROWTH_TO = re.compile(r"\s*(?:year[- ]on[- ]year|y-o-y|from a year (?:earlier|ago)|"
                        r"on a yearly basis|"
                        r"over the same period (?:of )?last year)?\s*,?\s*to\s*(?:reach\s*)?$",
                        re.IGNORECASE)


def _attach_growth_before(text: str, sentence: Sentence) -> None:
    for growth, level in zip(sentence.figures, sentence.figures[1:], strict=False):
        if growth.role == GROWTH and level.role in AMOUNT_ROLES and growth.mention.lang == "en" \
                and not growth.annual and level.growth is None and _GROWTH_TO.fullmatch(
                    text[growth.mention.end:level.mention.start]):
            _attach(level, growth)


# 比2019年同期, 较2020年, 与去年同期相比: the base of the growth, not a subject of its own
_GROWTH_WORDS = re.compile(r"同比|(?:[比较与和同]\s*)?(?:(?:19|20)\d\d\s*年|去年|上年)(?:同期)?"
                           r"(?:相比|比较)?|全年|分别|平均|均|约|达到?|了|的|"
                           r"增速|增幅|增长|增加|提高|提升|上升|下降|减少|回落|下滑|值|额|为|高达|[\s*（）()下同]")


_BASE_YEAR_OF = re.compile(r"[比较与和同]\s*((?:19|20)\d\d)\s*年")


def _two_year_base(clause: str, period: str | None) -> str | None:
    """The base year a growth's clause names (比2019年同期), unless it is the year before the
    figure's own: the growth is then over two years or more."""
    base = _BASE_YEAR_OF.search(clause)
    if base is None or (period and period.isdigit() and int(base.group(1)) == int(period) - 1):
        return None
    return base.group(1)


def _year_to_date(sentence: Sentence) -> None:
    """全市进出口总额累计38亿美元,同比增长36.7%: a sum of money 累计 with its year-on-year
    growth is the year to date's level, not a cumulative count held against new ones."""
    for figure in sentence.figures:
        if figure.role == CUMULATIVE and figure.growth is not None and (
                figure.mention.unit in ("CNY", "USD", "EUR")):
            figure.role = LEVEL


def _over_base_year(sentence: Sentence) -> None:
    """武汉市进出口比2019年同期增长42.6% in a 2021 release: a growth over two years is a figure
    of its own period (2021_vs2019), never the year's growth another relation takes."""
    for figure in sentence.figures:
        if figure.role != GROWTH or figure.owner is not None or figure.mention.lang != "zh":
            continue
        year = _two_year_base(re.split(r"[，,；;：:]", figure.near)[-1], figure.period)
        if year is None:
            continue
        figure.period = f"{figure.period}_vs{year}" if figure.period not in (None, year) \
            else f"vs{year}"


def _own_subject(growth: Figure) -> bool:
    """A growth whose clause names something of its own before the growth word (示范项目的
    生产效率平均提升58.9%) is not the growth of the figure before it."""
    if growth.mention.lang != "zh":
        return False
    clause = re.split(r"[，,；;：:]", growth.near)[-1]
    if _two_year_base(clause, growth.period) is not None:
        return True  # 2021年…比2019年同期增长40.8%: a growth over two years, not the year's
    return len(_GROWTH_WORDS.sub("", clause)) > 3


def _attach(level: Figure, growth: Figure) -> None:
    level.growth = growth.mention
    growth.owner = level


def _trailing_run(text: str, figures: list[Figure]) -> list[Figure]:
    """The last list of figures of one unit printed one after another (567亿元、530.3亿元…)."""
    run = [figures[-1]]
    for figure in reversed(figures[:-1]):
        gap = text[figure.mention.end:run[0].mention.start]
        if figure.mention.unit == run[0].mention.unit and re.fullmatch(
                r"[\s、,，和及]*(?:and\s*)?", gap):
            run.insert(0, figure)
        else:
            break
    return run


# --- naming ---------------------------------------------------------------------------------


# compiled once: _name applies them to every figure
_EN_CLAUSE_BREAK = re.compile(r"[,;:]")
_ZH_CLAUSE_BREAK = re.compile(r"[，；;：:。]")
_SHARE_CUE = re.compile(r"占|所占|accounting for|accounted for|share of")


def _name(text: str, sentence: Sentence, default_entity: str, city: str = "city") -> None:
    """Entity, subject and direction of each figure, from the words before it (an English
    level with no flow before it: "1.31 trillion yuan … in foreign trade", after it)."""
    named = _names_of_lists(text, sentence)
    last_subject: str | None = None
    last_direction: str | None = None
    first = sentence.figures[0].mention.start
    sentence_subject = _find(SUBJECTS, _cut_clause(text[sentence.start:first]))
    for figure in sentence.figures:
        m = figure.mention
        if figure.owner is not None:  # an attached growth is about its level
            continue
        if m.lang == "en":  # English names are longer; its clauses end at commas
            clause = _EN_CLAUSE_BREAK.split(text[max(sentence.start, m.start - 200):m.start])
            clause = clause[-1] if clause[-1].strip() or len(clause) == 1 else clause[-2]
        else:
            clause = _cut_clause(text[max(sentence.start, m.start - 40):m.start])
        before = text[max(sentence.start, m.start - 120):m.start]  # bounded: linear time
        region = in_clause = _region(clause)
        if region is None and figure.role not in (GAP, SHARE, PULL):
            region = _region(before)
        figure.entity = region if region not in (None, "china") else default_entity
        if region is not None and (group := _region_group(clause)) is not None:
            figure.entity = group  # 广东、江苏…福建7省市合计进出口34.11万亿元: not 福建's
        if region is None and (own := _last(_SELF, clause)) is not None:
            # 全省进出口… in a city's release, 全市… in a province's: not the text's own entity
            figure.entity = _home(own, default_entity, city)
        if in_clause == "china" and figure.role in (LEVEL, COUNT, GROWTH) and (
                default_entity != "china"):
            # 占全国…, 而同期全国外贸进出口下降7.3%: a national figure in a provincial text
            figure.entity = "china"
        name = named.get(id(figure))
        if figure.role == SHARE and name is None:
            clause = _SHARE_CUE.split(clause)[0]
        subject = _subject(name or clause)
        direction = _direction(name or clause)
        if subject is None and direction is None and figure.role != LEVEL:
            subject, direction = last_subject, last_direction  # 占比88.8%: the figure before
        if direction is None and subject is not None:
            direction = _direction(before) if figure.role in AMOUNT_ROLES else last_direction
        if subject is None and direction is None and figure.role in AMOUNT_ROLES:
            subject = _find(SUBJECTS, before)
            direction = _direction(before)
        if subject is None and direction is None and figure.role == LEVEL and m.lang == "en":
            direction = _direction_after(text, figure)
        if subject is None and direction is None and figure.role == COUNT and m.lang == "zh":
            subject, direction = _counted_after(text, figure)
        if subject is None and figure.role == LEVEL and m.lang == "zh":
            subject = _goods_after(text, figure)  # 进口超7.4万亿元的机电产品
        if subject is None and figure.role == LEVEL and m.lang == "zh":
            subject = _goods_named(clause)  # 机械设备及配件出口3.29亿元, 出口劳密产品1131.2亿元
        if subject is None and figure.role in (SHARE, GROWTH, CONTRIBUTION_RATE, SHARE_CHANGE):
            subject = sentence_subject  # 全市工业技改投资同比增长14.9%…占工业投资比重…
        if subject is None and figure.role == SHARE_CHANGE and last_subject is None and (
                last_direction is None) and m.lang == "zh":
            subject = _head_subject(text[sentence.start:m.start])
        if figure.unnamed and figure.role == SHARE:
            subject = None  # 占比分别为25.9%、26.8%: not both the share of the subject named last
        figure.subject, figure.direction = subject, direction
        if figure.role in AMOUNT_ROLES:
            last_subject, last_direction = subject, direction
        if figure.role in (GAP, SHARE, PULL, CONTRIBUTION_RATE, SHARE_CHANGE):
            figure.other_entity = _after_comparison(text, figure)
            figure.whole = _whole(text, figure, default_entity, city)
    for figure in sentence.figures:
        if figure.owner is not None:
            owner = figure.owner
            figure.entity, figure.subject, figure.direction = (
                owner.entity, owner.subject, owner.direction)
    for share, change in zip(sentence.figures, sentence.figures[1:], strict=False):
        if share.role == SHARE and change.role == SHARE_CHANGE:
            # 占…的62.2%,占比较去年同期上升1.8个百分点: the change is that share's
            change.entity, change.subject, change.direction = (
                share.entity, share.subject, share.direction)
    for change, share in zip(sentence.figures, sentence.figures[1:], strict=False):
        if change.role == SHARE_CHANGE and share.role == SHARE and _TO.search(share.near):
            # 占我国外贸总值的比重提升1.8个百分点到57.3%: the share the change names
            share.entity, share.subject, share.direction = (
                change.entity, change.subject, change.direction)
            share.whole, share.other_entity = change.whole, change.other_entity


# 对欧盟、美国、我国香港地区和日本: Hong Kong, not the nation
_CHINA_OF = re.compile(r"(?:我国|中国)(?=(?:的)?(?:香港|澳门|台湾))")


# A city named with 市 that REGIONS does not list (湖北省襄阳市, ,宜昌市): its own entity (its
# name), never the province of the release that reports it. The name opens a clause or
# follows 省 (not 城市, 上市, 各省区市, 全市, 市场…).
# (zero-width, so that 其中襄阳市 finds 襄阳 after 中 as well as 其中襄阳 at the clause's start:
# the last is the name)
_CITY = re.compile(r"(?:^|(?<=[省，,、；;。：:\s和及与與对對在中年月从從]))"
                   r"(?=([\u4e00-\u9fff]{2,4}?)市(?![场場值面况況价價]))")
_NOT_CITY_END = frozenset("城都上股超门門各全我本该該地县縣夜集开開入楼樓车車沪滬深省两兩外他面街坊"
                          "互闹鬧菜早黑花出的等和及与與在对對到从從区區为為立建年月日富达達级級个個")
# 从宜宾市商务局传来消息: a preposition opens the clause, not the city's name
_NOT_CITY_START = frozenset("从從据據在对對向与與")


def _city_name(name: str) -> bool:
    return name[-1] not in _NOT_CITY_END and name[0] not in _NOT_CITY_START


# An English dateline names where the wire was filed, not what the figures are about
# ("BEIJING, Jan. 13 (Xinhua) --", "NANJING, March 8 (Xinhua) --").
DATELINE = re.compile(r"\b[A-Z][A-Z.' -]{2,30}, (?:[A-Z][a-z]{2,8}\.?) \d{1,2} \([A-Za-z ]{2,20}\)"
                      r"\s*(?:--|—|–)")


def _city_names(text: str) -> list[str]:
    """The cities ``text`` names with 市 that REGIONS lacks (襄阳市 -> 襄阳), in order."""
    pattern, _ = _compiled(REGIONS)
    return [found.group(1) for found in _CITY.finditer(text)
            if _city_name(found.group(1))
            and not pattern.search(found.group(1) + "市")]


def is_city(entity: str) -> bool:
    """A city's entity: a city of REGIONS, one named with 市 (襄阳), or "city"."""
    return entity == "city" or entity in CITIES or (entity not in _REGION_SLUGS and (
        entity not in ("province", "china")))


# 广东、江苏、浙江、上海、山东、北京、福建7省市合计进出口: regions listed together, then counted or
# summed (N省市, 合计, 共计): the figure is the group's, not the last region's
_GROUP_TAIL = re.compile(r"[、和及与與\s]*(?:[0-9一二三四五六七八九十]+个?(?:省区市|省市区|省市|"
                         r"省区|省份|省|市|地区|城市))?(?:合计|共计|合共|共|总计)?")


def _region_group(clause: str) -> str | None:
    """The group a list of two or more regions forms, when the clause sums them."""
    pattern, slugs = _compiled(REGIONS)
    names = list(pattern.finditer(clause))
    if len(names) < 2:
        return None
    for first, second in itertools.pairwise(names):
        if not re.fullmatch(r"[、,，和及与與\s]*", clause[first.end():second.start()]):
            return None
    tail = _GROUP_TAIL.match(clause, names[-1].end())
    if tail is None or not tail.group().strip("、和及与與 "):
        return None  # 广东、江苏: a list the sentence goes on to give figures for one by one
    return "group_" + "_".join(slugs[_key(n.group())] for n in names)


# "Qingdao in East China's Shandong province": the province locates the city named before it
_EN_LOCATED_IN = re.compile(
    r"(?<=[a-z])\s+in\s+(?:(?:north|south|east|west|central)(?:east|west)?(?:ern)?\s+)?"
    r"(?:China['’]s\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s+(?:province|autonomous region|region)\b",
    re.IGNORECASE)


# "Heilongjiang, China's northernmost province, saw its foreign trade": a description of the
# place named before it, not the nation (never "China's Shandong province": a name follows)
_CHINA_DESCRIBES = re.compile(r"\bChina['’]s\s+(?:[a-z-]+\s+){0,3}?(?:province|region|city)\b")


def _drop_locations(text: str) -> str:
    """A region named right after another with 'in' only says where the first lies."""
    pattern, _ = _compiled(REGIONS)
    for found in reversed(list(_EN_LOCATED_IN.finditer(text))):
        word = re.search(r"([A-Z][a-z]+)\s*$", text[:found.start()])
        if word is not None and pattern.fullmatch(word.group(1)):
            text = text[:found.start()] + " " * (found.end() - found.start()) + text[found.end():]
    return text


def _region(text: str) -> str | None:
    """The region named nearest the end of ``text``: a province, a listed city, the nation, or
    another city named with 市 (襄阳市 -> 襄阳), whichever comes last."""
    text = _drop_locations(DATELINE.sub(" ", _CHINA_OF.sub("", _CHINA_DESCRIBES.sub(" ", text))))
    pattern, slugs = _compiled(REGIONS)
    region = None
    for region in pattern.finditer(text):  # noqa: B007
        pass
    city = None
    for found in _CITY.finditer(text):
        name = found.group(1)
        if _city_name(name) and not pattern.search(name + "市"):
            city = found  # the last one: nearest the figure
    if city is not None and (region is None or city.start(1) >= region.end()):
        return city.group(1)
    bare = None
    for bare in _BARE_CITY.finditer(text):  # noqa: B007
        pass
    if bare is not None and (region is None or bare.start() >= region.end()):
        return slugs[bare.group(1) + "市"]
    return slugs[_key(region.group())] if region is not None else None


# A city of REGIONS named without 市 (今年前两个月成都外贸进出口总值867.2亿元, in a release
# about Sichuan): the city's figure, not the province's; never its customs office (成都海关)
_BARE_CITY = re.compile(
    "(" + "|".join(word[:-1] for words, slug in REGIONS if slug in CITIES
                   for word in words if word.endswith("市")) + ")"
    r"(?![市海关關区區])")


# "recorded 1.31 trillion yuan ($180 billion) in foreign trade": the flow named after the figure
_FLOW_AFTER = re.compile(r"\s*(?:\([^()]{0,40}\)\s*)?(?:in|of)\s+(?:its\s+|the\s+)?(foreign trade|"
                         r"total trade|imports and exports|exports and imports)\b", re.IGNORECASE)


def _counted_after(text: str, figure: Figure) -> tuple[str | None, str | None]:
    """10.9万家民企进出口占比82%: what a count counts, named right after it (a subject, and
    the flow after that), when nothing before it names it."""
    after = re.split(r"[，,。；;：:、\d]", text[figure.mention.end:figure.mention.end + 16])[0]
    pattern, slugs = _compiled(SUBJECTS)
    found = pattern.match(after)
    if found is None:
        return None, None
    return slugs[_key(found.group())], _direction(after[found.end():])


def _goods_after(text: str, figure: Figure) -> str | None:
    """进口了近30亿吨的大宗商品, 进口超7.4万亿元的机电产品: the goods a level is of, named
    right after it with 的."""
    after = text[figure.mention.end:figure.mention.end + 16]
    if not after.startswith("的"):
        return None
    pattern, slugs = _compiled(SUBJECTS)
    found = pattern.match(re.split(r"[，,。；;：:、\d]", after[1:])[0])
    return slugs[_key(found.group())] if found is not None else None


# Goods the lexicon does not list, named right before the flow (机械设备及配件出口3.29亿元,
# 锰矿砂进口0.61亿元): a part of the flow, never the region's exports or imports. Only a name
# that ends as goods do (…件, …砂, …设备) and names no region, subject or period.
_GOODS_BEFORE = re.compile(r"(?<![\u4e00-\u9fff])([\u4e00-\u9fff]{1,16}?(?:设备|配件|零件|部件|"
                           r"矿砂|矿石|制品|材料|[锰铁钢铜铝锌镍锂煤砂矿]))(?:出口|进口)"
                           r"(?:额|值|总值|总额)?(?:达到?|为|约|近|超过?)?$")
# a partner (自东盟进口), a period (前7个月), the region's own flows (全市, 我省), an ownership type
_NOT_GOODS = re.compile(r"^(?:对|向|自(?!动)|与|从|以|其中)|全|我|本|该|月|年|季|期|企业|贸易|外贸")


# Goods named right after the flow (出口劳密产品1131.2亿元, 进口消费品119.2亿元): a part of the
# flow; not a bare 商品/产品/货物 (出口商品: the exports themselves)
_GOODS_AFTER_FLOW = re.compile(r"(?:出口|进口)([\u4e00-\u9fff]{1,10}?(?:产品|制品|[^商产货]品|设备|"
                               r"配件|零件|部件|材料|矿砂|矿石))$")


def _goods_named(clause: str) -> str | None:
    """The goods a level is of, named next to its flow and not in the lexicon."""
    found = _GOODS_AFTER_FLOW.search(clause)
    if found is not None and not _NOT_GOODS.search(found.group(1)):
        return found.group(1)
    return _goods_before(clause)


def _goods_before(clause: str) -> str | None:
    found = _GOODS_BEFORE.search(clause)
    if found is None or _NOT_GOODS.search(found.group(1)) or _region(found.group(1)):
        return None
    return found.group(1)


def _direction_after(text: str, figure: Figure) -> str | None:
    return "trade" if _FLOW_AFTER.match(text, figure.mention.end) else None


OWNERSHIP = frozenset({"private", "foreign_invested", "soe"})
PARTNERS = frozenset({"asean", "eu", "us", "japan", "korea", "hong_kong", "latam", "africa",
                      "central_asia", "bri", "rcep"})
_TO_PARTNER = re.compile(r"\s*对\s*(?:共建)?[“\"「]?\s*")


def _subject(text: str) -> str | None:
    """The subject named last in ``text``; an ownership type's trade with a partner
    (民营企业对东盟进出口2.8万亿元) is both: ``private_asean``, a part of the trade with that
    partner (``partner_of``)."""
    pattern, slugs = _compiled(SUBJECTS)
    if "(" in text:  # 民營(yíng)企業(yè): a converter's pinyin glosses split the name
        text = _PINYIN.sub("", text)
    names = list(pattern.finditer(text))
    if not names:
        return None
    last = slugs[_key(names[-1].group())]
    if len(names) > 1 and last in PARTNERS:
        owner = slugs[_key(names[-2].group())]
        if owner in OWNERSHIP and _TO_PARTNER.fullmatch(text, names[-2].end(), names[-1].start()):
            return f"{owner}_{last}"
    return last


def partner_of(subject: str | None) -> str | None:
    """asean of private_asean: the partner whose trade an ownership type's part is of."""
    owner, _, partner = (subject or "").partition("_")
    if owner == "foreign" and partner.startswith("invested_"):
        owner, partner = "foreign_invested", partner[len("invested_"):]
    return partner if owner in OWNERSHIP and partner in PARTNERS else None


def _head_subject(head: str) -> str | None:
    """2025年,民营企业创新动能更加充沛,实力不断增强,占我国外贸总值的比重提升1.8个百分点: the one
    subject a sentence names before its first figure, the subject of its clauses."""
    pattern, slugs = _compiled(SUBJECTS)
    found = {slugs[_key(m.group())] for m in pattern.finditer(head)}
    return found.pop() if len(found) == 1 else None


def _cut_clause(clause: str) -> str:
    parts = _ZH_CLAUSE_BREAK.split(clause)
    return parts[-1] if parts[-1].strip() or len(parts) == 1 else parts[-2]


# 外貿(mào)進(jìn)出口: a scraped page's pinyin after each character; "export trade"
_PINYIN = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,8}\)")
_FLOW_TRADE = re.compile(r"\b(export|import)(?:s)? trade\b", re.IGNORECASE)


def _direction(text: str) -> str | None:
    text = _FLOW_TRADE.sub(r" \1 ", _PINYIN.sub("", text))  # "export trade" is exports
    return _find(DIRECTIONS, _TRADE_WORDS.sub(" trade ", text))


def _after_comparison(text: str, figure: Figure) -> str | None:
    """The region a gap or share is measured against: 高于全国, 占全国…的, of China's."""
    near = figure.near
    cue = re.search(r"(?:高于|低于|快于|慢于|较|比|占|than|of)\s*(?:the\s*)?([^\d，,。]{0,12})",
                    near, re.IGNORECASE)
    if not cue:
        return None
    return _find(REGIONS, cue.group(1))


# A whole named only as a region's total: 占全省的49%, 占安徽全省的68.7%, "of the province's
# total", "of the total": the total of the part's own flow (its direction).
_ZH_TOTAL_ONLY = re.compile(r"\s*(?:全|本|我)?(?P<level>[省市区国])?(?:的|总[值额量]的?)?\s*")
_EN_TOTAL_ONLY = re.compile(r"(?:the\s+|its\s+)?(?:(?P<level>province|country|nation|city)['’]s\s+|"
                            r"(?:provincial|national|overall)\s+)?total\b.*", re.IGNORECASE)


def _whole(text: str, figure: Figure, default_entity: str, city: str = "city") -> str | None:
    """For a share: what it is a share of, when the text names it: the indicator of the
    whole (exports, laptops_exports), None for a whole named only as a region's total (the
    part's own direction, as for a bare 占比), or "named" for a whole tradecheck cannot name.
    Sets the figure's ``other_entity`` when the whole is another region's (占全国…, of China's
    …) or the text's own (占全省的, "of the province's total")."""
    found = re.search(r"占(?!比)(?:同期)?([^，,。；\d%]{1,24})", figure.near)
    phrase = found.group(1) if found else None
    if phrase is None:
        after = text[figure.mention.end:figure.mention.end + 40]
        found = re.match(r"\s*of\s+([^,.;\d]{1,40})", after, re.IGNORECASE)
        phrase = found.group(1) if found else None
    if phrase is None:
        return None
    region = _find(REGIONS, phrase)
    if region is not None:
        figure.other_entity = region
    elif re.match(r"\s*(?:[全本我]省)", phrase):
        figure.other_entity = default_entity  # 武汉市…占全省进出口总值的62.5%: the province
    subject, direction = _find(SUBJECTS, phrase), _direction(phrase)
    if subject or direction:
        return "_".join(p for p in (subject, direction) if p)
    return _total_only(phrase, figure, default_entity, city)


def _total_only(phrase: str, figure: Figure, default_entity: str, city: str) -> str | None:
    regions, _ = _compiled(REGIONS)
    rest = re.sub(r"^['’]s\b", "", regions.sub("", phrase).strip()).strip(" \n*")
    total = (_EN_TOTAL_ONLY if figure.mention.lang == "en" else _ZH_TOTAL_ONLY).fullmatch(rest)
    if total is None:
        return "named"
    if figure.other_entity is None and total.group("level"):
        national = total.group("level") in ("国", "country", "nation")
        figure.other_entity = "china" if national else _home(
            total.group("level"), default_entity, city)
    return None


def _names_of_lists(text: str, sentence: Sentence) -> dict[int, str]:
    """``东盟、拉美、非洲进出口7.55万亿元、3.93万亿元、2.49万亿元``: a list of figures takes
    its names, in order, from a list of as many names before it."""
    out: dict[int, str] = {}
    runs: list[list[Figure]] = []
    for figure in sentence.figures:
        if figure.owner is not None or figure.role == GROWTH:
            continue
        if runs and figure.mention.unit == runs[-1][-1].mention.unit and re.fullmatch(
                r"[\s、,，和及]*(?:and\s*)?", text[runs[-1][-1].mention.end:figure.mention.start]):
            runs[-1].append(figure)
        else:
            runs.append([figure])
    for run in runs:
        if len(run) < 2:
            continue
        before = text[max(sentence.start, run[0].mention.start - 60):run[0].mention.start]
        if RESPECTIVELY.search(sentence.text):  # the names may open the sentence
            before = text[sentence.start:run[0].mention.start]
        else:
            before = re.split(r"[，；;：:。]", before)[-1]
        for table in (SUBJECTS, REGIONS, _DIRECTION_NAMES):
            names = _names_in_order(table, before)
            if table is SUBJECTS and len(names) == len(run) + 1:
                names = _owners_with_partner(before) or names
            if len(names) == len(run):
                words = "" if table is _DIRECTION_NAMES else " " + _direction_words(before)
                for figure, name in zip(run, names, strict=True):
                    out[id(figure)] = name + words
                break
        else:
            if RESPECTIVELY.search(text[run[-1].mention.start - 1:sentence.end]) or (
                    RESPECTIVELY.search(before)):
                # 对印度尼西亚、越南分别进出口604.4亿元、482.7亿元: names scan cannot read; the
                # figures are not the province's trade
                for figure in run:
                    figure.unnamed = True
    return out


def _owners_with_partner(text: str) -> list[str] | None:
    """国有企业和外商投资企业对东盟分别进出口4494亿、1.21万亿元: each ownership type's trade
    with the one partner named after them (国有企业对东盟, 外商投资企业对东盟)."""
    pattern, slugs = _compiled(SUBJECTS)
    names = list(pattern.finditer(text))
    *owners, partner = names
    if slugs[_key(partner.group())] not in PARTNERS or not all(
            slugs[_key(o.group())] in OWNERSHIP for o in owners):
        return None
    if not _TO_PARTNER.fullmatch(text, owners[-1].end(), partner.start()):
        return None
    return [f"{o.group()}对{partner.group()}" for o in owners]


def _direction_words(text: str) -> str:
    direction = _direction(text)
    return {"trade": "进出口", "exports": "出口", "imports": "进口"}.get(direction or "", "")


def _names_in_order(table: list[tuple[tuple[str, ...], str]], text: str) -> list[str]:
    pattern, _ = _compiled(table)
    # one name per position: the longest alternative matches first (电动汽车, not 汽车)
    return [m.group() for m in pattern.finditer(text)]


def _find(table: list[tuple[tuple[str, ...], str]], text: str) -> str | None:
    """The slug whose word appears last in ``text`` (nearest to the figure)."""
    pattern, slugs = _compiled(table)
    if "(" in text:
        text = _PINYIN.sub("", text)
    last = None
    for last in pattern.finditer(text):  # noqa: B007
        pass
    return slugs[_key(last.group())] if last is not None else None


def _key(word: str) -> str:
    return word.lower() if word.isascii() else word


_PATTERNS: dict[int, tuple[re.Pattern, dict[str, str]]] = {}
_WORD_START = r"(?<![A-Za-z0-9])"  # where an English word of a table may start


def _compiled(table) -> tuple[re.Pattern, dict[str, str]]:
    """One pattern for a whole table and the slug of each word. The words are grouped by
    their first character (the engine tries a handful per position, not all of them), the
    longest first (电动汽车 wins over the 汽车 inside it). English words match whole words,
    in any case; acronyms (EU, BRI, U.S.) only in capitals, also right after a Chinese
    character (对RCEP)."""
    key = id(table)
    if key not in _PATTERNS:
        slugs: dict[str, str] = {}
        groups: dict[tuple[str, bool], list[str]] = {}
        for words, slug in table:
            for word in words:
                slugs.setdefault(_key(word), slug)
                folded = word.isascii() and not (word.isupper() or "." in word)
                first = word[0].lower() if folded else word[0]
                groups.setdefault((first, folded), []).append(word[1:])
        parts = []
        for (first, folded), rests in groups.items():
            rest = "|".join(sorted(map(re.escape, rests), key=len, reverse=True))
            # an English word starts after no letter or digit (对RCEP其他成员国: \b would not
            # match between 对 and R, both word characters)
            if folded:
                parts.append(rf"{_WORD_START}[{first}{first.upper()}](?i:{rest})")
            elif first.isascii():
                parts.append(rf"{_WORD_START}{re.escape(first)}(?:{rest})")
            else:
                parts.append(rf"{re.escape(first)}(?:{rest})")
        # a lookahead for the first characters lets the engine skip every other position
        # at once (10x faster than trying each group there); an English word also needs the
        # start its groups begin with, so the letters inside words are skipped too
        firsts = {c for first, _ in groups for c in (first, first.upper())}
        starts = "".join(re.escape(c) for c in sorted(firsts))
        wide = "".join(re.escape(c) for c in sorted(firsts) if not c.isascii())
        boundary = "" if wide == starts else (
            rf"(?:{_WORD_START}|(?=[{wide}]))" if wide else _WORD_START)
        _PATTERNS[key] = (re.compile(f"(?=[{starts}]){boundary}(?:{'|'.join(parts)})"), slugs)
    return _PATTERNS[key]


# a release speaking of its own province or city (全省进出口总值…, 我省外贸规模…)
_PROVINCE_SELF = re.compile(r"全省|我省|本省|该省|該省|全区|我区")
_CITY_SELF = re.compile(r"全市|我市|本市|该市|該市")
_SELF = re.compile(r"(?:全|我|本|该|該)([省市])(?![场場])")  # not 该市场 (that market)
MUNICIPALITIES = frozenset({"beijing", "tianjin", "shanghai", "chongqing"})  # 全市 is the region


def _last(pattern: re.Pattern, text: str) -> str | None:
    found = None
    for found in pattern.finditer(text):  # noqa: B007
        pass
    return found.group(1) if found is not None else None


def _home(level: str, entity: str, city: str) -> str:
    """The entity 全省/我省 (省, "province") or 全市/我市 (市, "city") names in a text whose own
    entity is ``entity`` and whose city is ``city``: a city's release calls its province
    全省, a province's release calls a city's whole 全市."""
    if level in ("市", "city"):
        return city
    if level in ("省", "区", "province"):
        return "province" if is_city(entity) else entity
    return entity


class _Head:
    """A text's first 50,000 characters (no dateline, no "China's … province") and the
    regions they name: scanned once for both the text's entity and its city."""

    def __init__(self, text: str) -> None:
        self.text = DATELINE.sub(" ", _CHINA_DESCRIBES.sub(" ", text[:50_000]))
        pattern, slugs = _compiled(REGIONS)
        self.counts = Counter(slugs[_key(word)] for word in pattern.findall(self.text))

    @cached_property
    def cities(self) -> Counter[str]:
        """The cities named: those of REGIONS, and others named with 市 (襄阳市)."""
        cities = Counter({slug: n for slug, n in self.counts.items() if slug in CITIES})
        cities.update(_city_names(self.text))
        return cities


def document_places(text: str) -> tuple[str, str]:
    """The text's entity (``document_entity``) and the city its 全市/我市 means."""
    head = _Head(text)
    entity = _entity(head)
    return entity, _city(head, entity)


def _city(head: _Head, entity: str) -> str:
    """The city 全市/我市 means: the text's own entity when it is a city or a municipality
    (重庆: 全市), else the city it names most (襄阳市, 武汉市), else "city"."""
    if is_city(entity) or entity in MUNICIPALITIES:
        return entity
    return head.cities.most_common(1)[0][0] if head.cities else "city"


_EN_SELF = re.compile(r"\bthe (city|province)['’]s\b", re.IGNORECASE)


def document_entity(text: str) -> str:
    """The region the text names most: 重庆 in a Chongqing release, 我国/China in a national
    one (a province's release names its province more often than the nation). A release
    that speaks of 全省/我省 more often than of 我国 is a province's, however often it
    compares itself with 全国: its most named region other than the nation, never one of
    its cities (全省…其中武汉市…). A release that names no region of its own is "city" or
    "province" when it speaks of 我市/全省 ("the city's" in English), not the nation's."""
    return _entity(_Head(text))


def _entity(head: _Head) -> str:
    text, counts = head.text, head.counts
    provincial, municipal = len(_PROVINCE_SELF.findall(text)), len(_CITY_SELF.findall(text))
    if municipal > provincial and head.cities:
        return head.cities.most_common(1)[0][0]  # 全市…: a city's release, its city named most
    speaks_of_itself = provincial + municipal > text.count("我国")
    regions = [slug for slug, _ in counts.most_common() if slug != "china"]
    if provincial > municipal:
        regions = [slug for slug in regions if slug not in CITIES]
    found = counts.most_common(1)[0][0] if counts else "china"
    if found in regions:
        return found
    if regions and (found != "china" or speaks_of_itself):
        return regions[0]
    if found != "china" or speaks_of_itself:
        return "city" if municipal > provincial else "province"
    english = _EN_SELF.search(text)
    if not counts and english:
        return english.group(1).lower()
    return found


def language(text: str) -> str:
    """zh when Chinese characters carry the text: the lexicon's guess on its first 20,000
    characters."""
    return guess_language(text[:20_000])


def printed(mention: Mention) -> str:
    """The value as a claim file writes it: the parsed text (shared list units included)."""
    if mention.quantity is not None:
        return mention.quantity.printed.strip()
    return mention.surface
