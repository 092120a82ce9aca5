"""Stable names for the generated models the client returns.

models.py is generated (npm run clients:generate) and names inline schemas after their path and method; when the
document gives them component names instead, only this file changes.
"""

from . import models

PredictResponse = models.ApiV1PredictPostResponse
BatchPredictResponse = models.ApiV1PredictBatchPostResponse
UploadResponse = models.ApiV1StudiesPostResponse
WorklistPage = models.ApiV1StudiesGetResponse
StudyDetail = models.ApiV1StudiesStudyIdGetResponse
RegisteredModel = models.ApiV1ModelsPostResponse
Me = models.ApiV1MeGetResponse
