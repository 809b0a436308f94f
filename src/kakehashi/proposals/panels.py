"""Blocks that apps on the right add to the proposal page (matching: recommended
counterparts), registered from their AppConfig.ready, so that proposals imports none of them."""

from collections.abc import Callable

from django.utils.safestring import SafeString

DetailPanel = Callable[..., SafeString]  # (request, proposal) -> rendered HTML
_detail_panels: list[DetailPanel] = []


def register_detail_panel(panel: DetailPanel) -> None:
    if panel not in _detail_panels:
        _detail_panels.append(panel)


def render_detail_panels(request, proposal) -> list[SafeString]:
    return [panel(request, proposal) for panel in _detail_panels]
