/// The OpenAPI 3.1 description of the JSON API, served at `/openapi.json`. `APITests` checks
/// that it names exactly the routes ``APIController/routes`` registers, and no other.
enum OpenAPI {
    static let document = """
        {
          "openapi": "3.1.0",
          "info": {
            "title": "FollowUp",
            "version": "1",
            "description": "Track the implementation of recommendations from UN documents. Authenticate with a token from 'followup users token NAME --label LABEL', sent as 'Authorization: Bearer fu_…'. Errors are {\\"error\\": \\"…\\"} with the status: 400 bad input, 401 no valid token, 403 not allowed for the token's account, 404 not found, 409 conflict."
          },
          "components": {
            "securitySchemes": {"token": {"type": "http", "scheme": "bearer"}},
            "schemas": {
              "Error": {"type": "object", "required": ["error"], "properties": {"error": {"type": "string"}}},
              "Account": {"type": "object", "required": ["name", "role", "actors", "createdAt"], "properties": {
                "name": {"type": "string"},
                "role": {"enum": ["administrator", "focal-point", "validator", "reader"]},
                "actors": {"type": "array", "items": {"type": "string"}},
                "createdAt": {"type": "string"}}},
              "Status": {"enum": ["not-started", "planned", "in-progress", "partially-implemented", "implemented", "not-implemented", "no-longer-relevant"]},
              "Response": {"enum": ["supported", "supported-implemented", "supported-in-part", "noted", "not-applicable", "pending"]},
              "SubmissionRequest": {"type": "object", "required": ["key", "actor"], "properties": {
                "key": {"type": "string", "examples": ["E/2020/31 DR-II (a)(i)"]},
                "actor": {"type": "string", "description": "code, name or alias of an actor of the token's focal point"},
                "status": {"$ref": "#/components/schemas/Status"},
                "response": {"$ref": "#/components/schemas/Response"},
                "asOf": {"type": "string", "format": "date"},
                "note": {"type": "string"},
                "evidence": {"type": "string", "description": "a URL, or a document and paragraph such as A/76/64 ¶51"},
                "supersedes": {"type": "integer", "description": "the progress entry this one corrects"}}},
              "Submission": {"type": "object", "required": ["id", "key", "actor", "asOf", "submittedBy", "submittedAt"], "properties": {
                "id": {"type": "integer"}, "key": {"type": "string"}, "actor": {"type": "string"},
                "asOf": {"type": "string", "format": "date"},
                "status": {"$ref": "#/components/schemas/Status"}, "response": {"$ref": "#/components/schemas/Response"},
                "note": {"type": "string"}, "evidence": {"type": "string"},
                "submittedBy": {"type": "string"}, "submittedAt": {"type": "string"},
                "decision": {"enum": ["accepted", "returned"]}, "reviewedBy": {"type": "string"},
                "reviewedAt": {"type": "string"}, "comment": {"type": "string"},
                "entryId": {"type": "integer", "description": "the progress entry an accepted submission became"}}},
              "ReviewRequest": {"type": "object", "required": ["decision"], "properties": {
                "decision": {"enum": ["accepted", "returned"]},
                "comment": {"type": "string", "description": "required to return"}}},
              "Report": {"type": "object", "description": "the same JSON as 'followup report … --format json'"}
            },
            "responses": {
              "Error": {"description": "an error", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
              "Report": {"description": "the report", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Report"}}}}
            }
          },
          "security": [{"token": []}],
          "paths": {
            "/api/me": {"get": {"summary": "The token's account", "operationId": "me",
              "responses": {"200": {"description": "the account", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Account"}}}},
                "401": {"$ref": "#/components/responses/Error"}}}},
            "/api/recommendations": {"get": {"summary": "Every recommendation that binds an actor, with its status (a country summary)", "operationId": "recommendations",
              "parameters": [{"name": "actor", "in": "query", "required": true, "schema": {"type": "string"}}],
              "responses": {"200": {"$ref": "#/components/responses/Report"}, "401": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}}}},
            "/api/recommendation": {"get": {"summary": "One recommendation: text, addressees, assignments, accepted history", "operationId": "recommendation",
              "parameters": [{"name": "key", "in": "query", "required": true, "schema": {"type": "string"}}],
              "responses": {"200": {"$ref": "#/components/responses/Report"}, "401": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}}}},
            "/api/submissions": {
              "get": {"summary": "The submissions the token's account may see", "operationId": "listSubmissions",
                "parameters": [{"name": "pending", "in": "query", "schema": {"type": "boolean", "default": true}}],
                "responses": {"200": {"description": "submissions", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Submission"}}}}},
                  "401": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}}},
              "post": {"summary": "Submit progress as a focal point, for review", "operationId": "submit",
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SubmissionRequest"}}}},
                "responses": {"201": {"description": "submitted", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Submission"}}}},
                  "400": {"$ref": "#/components/responses/Error"}, "401": {"$ref": "#/components/responses/Error"},
                  "403": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}, "409": {"$ref": "#/components/responses/Error"}}}},
            "/api/submissions/{id}/review": {"post": {"summary": "Accept or return a submission as its validator or an administrator", "operationId": "review",
              "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}}],
              "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ReviewRequest"}}}},
              "responses": {"200": {"description": "reviewed", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Submission"}}}},
                "400": {"$ref": "#/components/responses/Error"}, "401": {"$ref": "#/components/responses/Error"},
                "403": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}, "409": {"$ref": "#/components/responses/Error"}}}},
            "/api/reports/document": {"get": {"summary": "The follow-up report on a document", "operationId": "documentReport",
              "parameters": [{"name": "symbol", "in": "query", "required": true, "schema": {"type": "string"}}],
              "responses": {"200": {"$ref": "#/components/responses/Report"}, "401": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}}}},
            "/api/reports/country": {"get": {"summary": "A country's status summary", "operationId": "countryReport",
              "parameters": [{"name": "actor", "in": "query", "required": true, "schema": {"type": "string"}}],
              "responses": {"200": {"$ref": "#/components/responses/Report"}, "401": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}}}},
            "/api/audit": {"get": {"summary": "Everything overdue or silent", "operationId": "audit",
              "responses": {"200": {"$ref": "#/components/responses/Report"}, "401": {"$ref": "#/components/responses/Error"}}}}
          }
        }
        """
}
