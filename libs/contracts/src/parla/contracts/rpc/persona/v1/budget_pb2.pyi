import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class BudgetStatus(_message.Message):
    __slots__ = ("user_id", "limit_usd", "max_limit_usd", "period", "custom_days", "period_start", "spent_usd", "remaining_usd", "percent_used", "level", "enforce", "thresholds")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    LIMIT_USD_FIELD_NUMBER: _ClassVar[int]
    MAX_LIMIT_USD_FIELD_NUMBER: _ClassVar[int]
    PERIOD_FIELD_NUMBER: _ClassVar[int]
    CUSTOM_DAYS_FIELD_NUMBER: _ClassVar[int]
    PERIOD_START_FIELD_NUMBER: _ClassVar[int]
    SPENT_USD_FIELD_NUMBER: _ClassVar[int]
    REMAINING_USD_FIELD_NUMBER: _ClassVar[int]
    PERCENT_USED_FIELD_NUMBER: _ClassVar[int]
    LEVEL_FIELD_NUMBER: _ClassVar[int]
    ENFORCE_FIELD_NUMBER: _ClassVar[int]
    THRESHOLDS_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    limit_usd: float
    max_limit_usd: float
    period: str
    custom_days: int
    period_start: _timestamp_pb2.Timestamp
    spent_usd: float
    remaining_usd: float
    percent_used: float
    level: str
    enforce: bool
    thresholds: _containers.RepeatedScalarFieldContainer[int]
    def __init__(self, user_id: _Optional[str] = ..., limit_usd: _Optional[float] = ..., max_limit_usd: _Optional[float] = ..., period: _Optional[str] = ..., custom_days: _Optional[int] = ..., period_start: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., spent_usd: _Optional[float] = ..., remaining_usd: _Optional[float] = ..., percent_used: _Optional[float] = ..., level: _Optional[str] = ..., enforce: _Optional[bool] = ..., thresholds: _Optional[_Iterable[int]] = ...) -> None: ...

class GetMyBudgetRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetMyUsageRequest(_message.Message):
    __slots__ = ("limit",)
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    limit: int
    def __init__(self, limit: _Optional[int] = ...) -> None: ...

class UsageEntry(_message.Message):
    __slots__ = ("provider", "model", "tokens_in", "tokens_out", "cost_usd", "at")
    PROVIDER_FIELD_NUMBER: _ClassVar[int]
    MODEL_FIELD_NUMBER: _ClassVar[int]
    TOKENS_IN_FIELD_NUMBER: _ClassVar[int]
    TOKENS_OUT_FIELD_NUMBER: _ClassVar[int]
    COST_USD_FIELD_NUMBER: _ClassVar[int]
    AT_FIELD_NUMBER: _ClassVar[int]
    provider: str
    model: str
    tokens_in: int
    tokens_out: int
    cost_usd: float
    at: _timestamp_pb2.Timestamp
    def __init__(self, provider: _Optional[str] = ..., model: _Optional[str] = ..., tokens_in: _Optional[int] = ..., tokens_out: _Optional[int] = ..., cost_usd: _Optional[float] = ..., at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ProviderTotal(_message.Message):
    __slots__ = ("provider", "calls", "tokens_in", "tokens_out", "cost_usd")
    PROVIDER_FIELD_NUMBER: _ClassVar[int]
    CALLS_FIELD_NUMBER: _ClassVar[int]
    TOKENS_IN_FIELD_NUMBER: _ClassVar[int]
    TOKENS_OUT_FIELD_NUMBER: _ClassVar[int]
    COST_USD_FIELD_NUMBER: _ClassVar[int]
    provider: str
    calls: int
    tokens_in: int
    tokens_out: int
    cost_usd: float
    def __init__(self, provider: _Optional[str] = ..., calls: _Optional[int] = ..., tokens_in: _Optional[int] = ..., tokens_out: _Optional[int] = ..., cost_usd: _Optional[float] = ...) -> None: ...

class UsageReport(_message.Message):
    __slots__ = ("entries", "by_provider")
    ENTRIES_FIELD_NUMBER: _ClassVar[int]
    BY_PROVIDER_FIELD_NUMBER: _ClassVar[int]
    entries: _containers.RepeatedCompositeFieldContainer[UsageEntry]
    by_provider: _containers.RepeatedCompositeFieldContainer[ProviderTotal]
    def __init__(self, entries: _Optional[_Iterable[_Union[UsageEntry, _Mapping]]] = ..., by_provider: _Optional[_Iterable[_Union[ProviderTotal, _Mapping]]] = ...) -> None: ...

class SetMyBudgetRequest(_message.Message):
    __slots__ = ("limit_usd", "period", "custom_days")
    LIMIT_USD_FIELD_NUMBER: _ClassVar[int]
    PERIOD_FIELD_NUMBER: _ClassVar[int]
    CUSTOM_DAYS_FIELD_NUMBER: _ClassVar[int]
    limit_usd: float
    period: str
    custom_days: int
    def __init__(self, limit_usd: _Optional[float] = ..., period: _Optional[str] = ..., custom_days: _Optional[int] = ...) -> None: ...

class GetBudgetRequest(_message.Message):
    __slots__ = ("user_id",)
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    def __init__(self, user_id: _Optional[str] = ...) -> None: ...

class ConfigureBudgetRequest(_message.Message):
    __slots__ = ("user_id", "limit_usd", "max_limit_usd", "period", "custom_days", "enforce", "thresholds")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    LIMIT_USD_FIELD_NUMBER: _ClassVar[int]
    MAX_LIMIT_USD_FIELD_NUMBER: _ClassVar[int]
    PERIOD_FIELD_NUMBER: _ClassVar[int]
    CUSTOM_DAYS_FIELD_NUMBER: _ClassVar[int]
    ENFORCE_FIELD_NUMBER: _ClassVar[int]
    THRESHOLDS_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    limit_usd: float
    max_limit_usd: float
    period: str
    custom_days: int
    enforce: bool
    thresholds: _containers.RepeatedScalarFieldContainer[int]
    def __init__(self, user_id: _Optional[str] = ..., limit_usd: _Optional[float] = ..., max_limit_usd: _Optional[float] = ..., period: _Optional[str] = ..., custom_days: _Optional[int] = ..., enforce: _Optional[bool] = ..., thresholds: _Optional[_Iterable[int]] = ...) -> None: ...

class ResetBudgetRequest(_message.Message):
    __slots__ = ("user_id", "reason")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    reason: str
    def __init__(self, user_id: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...
