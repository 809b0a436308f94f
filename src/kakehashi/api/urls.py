from ninja import NinjaAPI

api = NinjaAPI(title="Kakehashi API", version="1", urls_namespace="api")
