"""Proposals published through the real services, so that the index upkeep runs as it does
in the platform (the task runs at once in tests once the transaction commits)."""

from contextlib import nullcontext

from kakehashi.directory.models import Sector
from kakehashi.proposals import services
from kakehashi.proposals.services import ProposalInput
from tests.factories import UserFactory


def publish_proposal(organisation, captured=None, *, sectors=(), **fields):
    """Create, submit and publish a proposal of `organisation`, running the on-commit
    callbacks (index upkeep) with `captured` = django_capture_on_commit_callbacks; without
    it (a transactional test), they run as the transactions commit."""
    admin = UserFactory(is_superuser=True, is_staff=True)
    data = ProposalInput(sectors=list(Sector.objects.filter(key__in=sectors)), **fields)
    with captured(execute=True) if captured else nullcontext():
        proposal = services.create_proposal(data=data, organisation=organisation, by=admin)
        services.submit(proposal=proposal, by=admin)
        services.publish(proposal=proposal, by=admin)
    return proposal


COLD_CHAIN_VI = {
    "kind": "technology_request",
    "title": "Tìm công nghệ kho lạnh bảo quản thủy sản xuất khẩu",
    "summary": "Doanh nghiệp tại TP.HCM cần đối tác chuyển giao công nghệ kho cấp đông và "
    "giám sát nhiệt độ cho cá tra, tôm đông lạnh.",
    "language": "vi",
}
COLD_CHAIN_JA = {
    "kind": "technology_offer",
    "title": "水産物の低温物流・冷凍倉庫の省エネ技術",
    "summary": "冷凍倉庫の省エネ型冷凍機と温度監視システムで、水産物のコールドチェーンを支えます。",
    "language": "ja",
}
SOFTWARE_VI = {
    "kind": "business_offer",
    "title": "Dịch vụ phát triển phần mềm offshore cho doanh nghiệp Nhật Bản",
    "summary": "Công ty phần mềm tại Đà Nẵng nhận phát triển ứng dụng web và di động, kiểm thử.",
    "language": "vi",
}
CARE_JA = {
    "kind": "cooperation_programme",
    "title": "介護人材の育成プログラム",
    "summary": "ベトナムの看護学校の卒業生に日本語と介護技術の研修を行います。",
    "language": "ja",
}
