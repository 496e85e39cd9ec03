"""The API's human-readable docs page, written from the same OpenAPI description clients read."""

from django.shortcuts import render

from .api import api


def docs(request):
    schema = api.get_openapi_schema(path_prefix=request.path.rstrip("/"))
    endpoints = []
    for address, operations in schema["paths"].items():
        for method, operation in operations.items():
            endpoints.append(
                {
                    "method": method.upper(),
                    "path": address,
                    "summary": operation.get("summary", ""),
                    "description": operation.get("description", ""),
                    "parameters": operation.get("parameters", []),
                }
            )
    return render(
        request,
        "api/docs.html",
        {"info": schema["info"], "endpoints": endpoints, "base": request.build_absolute_uri("")},
    )
