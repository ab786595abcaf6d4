"""Bot API methods of the emulator, run against EmulatorState."""

from __future__ import annotations

import asyncio
import copy
import mimetypes
from collections.abc import Awaitable, Callable
from typing import Any

from . import content
from .errors import BotAPIError, bad_request, forbidden
from .params import UploadedFile
from .state import PRESENT_STATUSES, ChatState, EmulatorState, StoredFile, now

Handler = Callable[[dict[str, Any], dict[str, UploadedFile]], Awaitable[Any]]

DOCUMENT_MAX_BYTES = 50 * 1024 * 1024
CHAT_ACTIONS = frozenset(
    {
        "typing",
        "upload_photo",
        "record_video",
        "upload_video",
        "record_voice",
        "upload_voice",
        "upload_document",
        "choose_sticker",
        "find_location",
        "record_video_note",
        "upload_video_note",
    }
)
NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup are exactly "
    "the same as a current content and reply markup of the message"
)
CONFLICT = "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"


class BotAPIMethods:
    """The Bot API methods the emulator implements, looked up by lowercase name."""

    def __init__(self, state: EmulatorState, *, strict_html_references: bool) -> None:
        self._state = state
        self._strict_references = strict_html_references
        self._poll_generation = 0
        self._closing = False
        self._next_file_number = 1
        self.handlers: dict[str, Handler] = {
            "getme": self.get_me,
            "getupdates": self.get_updates,
            "deletewebhook": self.delete_webhook,
            "getwebhookinfo": self.get_webhook_info,
            "sendmessage": self.send_message,
            "editmessagetext": self.edit_message_text,
            "editmessagereplymarkup": self.edit_message_reply_markup,
            "answercallbackquery": self.answer_callback_query,
            "sendphoto": self.send_photo,
            "senddocument": self.send_document,
            "getfile": self.get_file,
            "setmycommands": self.set_my_commands,
            "getmycommands": self.get_my_commands,
            "deletemycommands": self.delete_my_commands,
            "sendchataction": self.send_chat_action,
            "getchat": self.get_chat,
        }

    def close(self) -> None:
        """Make waiting and future getUpdates calls return at once, for shutdown."""
        self._closing = True
        self._state.updates_changed.notify()

    def reopen(self) -> None:
        """Let getUpdates wait for updates again after ``close()``."""
        self._closing = False

    # Updates

    async def get_me(self, params: dict[str, Any], files: dict[str, UploadedFile]) -> dict[str, Any]:
        return dict(self._state.bot_user)

    async def get_updates(self, params: dict[str, Any], files: dict[str, UploadedFile]) -> list[dict[str, Any]]:
        """Return pending updates, waiting up to ``timeout`` seconds for the first one.

        A newer getUpdates call ends a waiting one with 409 Conflict, as Telegram
        does when two bot instances poll at once.
        """
        offset = params.get("offset", 0)
        limit = params.get("limit", 100)
        if not 1 <= limit <= 100:
            limit = 100
        timeout = max(params.get("timeout", 0), 0)
        if "allowed_updates" in params:
            allowed = params["allowed_updates"]
            self._state.allowed_updates = list(allowed) if allowed else None

        self._confirm(offset)
        self._poll_generation += 1
        generation = self._poll_generation
        self._state.updates_changed.notify()

        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            changed = self._state.updates_changed.event()
            if self._closing:
                return []
            if generation != self._poll_generation:
                raise BotAPIError(409, CONFLICT)
            remaining = deadline - loop.time()
            if self._state.updates or remaining <= 0:
                return [copy.deepcopy(update) for update in list(self._state.updates)[:limit]]
            try:
                async with asyncio.timeout(remaining):
                    await changed.wait()
            except TimeoutError:
                pass

    def _confirm(self, offset: int) -> None:
        """Forget updates below ``offset``. A negative offset keeps only the last -offset ones."""
        updates = self._state.updates
        if offset > 0:
            while updates and updates[0]["update_id"] < offset:
                updates.popleft()
        elif offset < 0:
            while len(updates) > -offset:
                updates.popleft()

    async def delete_webhook(self, params: dict[str, Any], files: dict[str, UploadedFile]) -> bool:
        if params.get("drop_pending_updates"):
            self._state.updates.clear()
        return True

    async def get_webhook_info(self, params: dict[str, Any], files: dict[str, UploadedFile]) -> dict[str, Any]:
        return {"url": "", "has_custom_certificate": False, "pending_update_count": len(self._state.updates)}

    # Messages

    def writable_chat(self, params: dict[str, Any]) -> ChatState:
        """Return the chat of ``params["chat_id"]`` if the bot may write there, or raise BotAPIError."""
        if "chat_id" not in params:
            raise bad_request("chat_id is empty")
        chat_id = params["chat_id"]
        chat = self._state.chats.get(chat_id) if isinstance(chat_id, int) else None
        if chat is None:
            if chat_id in self._state.users:
                raise forbidden("bot can't initiate conversation with a user")
            raise bad_request("chat not found")
        if chat.migrated_to_chat_id is not None:
            raise bad_request(
                "group chat was upgraded to a supergroup chat",
                {"migrate_to_chat_id": chat.migrated_to_chat_id},
            )
        if chat.bot_status not in PRESENT_STATUSES:
            if chat.type == "private":
                raise forbidden("bot was blocked by the user")
            if chat.bot_status == "kicked":
                raise forbidden(f"bot was kicked from the {chat.type} chat")
            raise forbidden(f"bot is not a member of the {chat.type} chat")
        return chat

    def _new_message(self, chat: ChatState, params: dict[str, Any], fields: dict[str, Any]) -> dict[str, Any]:
        reply_to = self._reply_target(chat, params)
        markup = content.inline_keyboard(params.get("reply_markup"))
        message: dict[str, Any] = {
            "message_id": chat.take_message_id(),
            "from": dict(self._state.bot_user),
            "chat": dict(chat.chat),
            "date": now(),
        }
        if reply_to is not None:
            message["reply_to_message"] = reply_to
        message.update(fields)
        if markup is not None:
            message["reply_markup"] = markup
        self._state.record_sent(chat, message)
        return copy.deepcopy(message)

    def _reply_target(self, chat: ChatState, params: dict[str, Any]) -> dict[str, Any] | None:
        reply = params.get("reply_parameters")
        if reply is None and "reply_to_message_id" in params:
            reply = {"message_id": params["reply_to_message_id"]}
        if reply is None:
            return None
        if not isinstance(reply, dict):
            raise bad_request("can't parse reply parameters JSON object")

        # NOTE: replies to messages in other chats (reply_parameters.chat_id) are not
        # emulated, so they are treated as replies to a missing message.
        same_chat = reply.get("chat_id", chat.id) == chat.id
        target = chat.messages.get(reply.get("message_id")) if same_chat else None
        if target is None:
            if reply.get("allow_sending_without_reply") or params.get("allow_sending_without_reply"):
                return None
            raise bad_request("message to be replied not found")
        target = copy.deepcopy(target)
        target.pop("reply_to_message", None)
        return target

    async def send_message(self, params: dict[str, Any], files: dict[str, UploadedFile]) -> dict[str, Any]:
        formatted = content.message_text(params, strict_references=self._strict_references)
        chat = self.writable_chat(params)
        fields = content.text_fields(formatted, text_key="text", entities_key="entities")
        return self._new_message(chat, params, fields)

    def _bot_message(self, params: dict[str, Any]) -> tuple[ChatState, dict[str, Any]]:
        if "inline_message_id" in params:
            # The emulator never creates inline messages, so every id is unknown.
            raise bad_request("MESSAGE_ID_INVALID")
        if "message_id" not in params:
            raise bad_request("message identifier is not specified")
        chat = self.writable_chat(params)
        message = chat.messages.get(params["message_id"])
        if message is None:
            raise bad_request("message to edit not found")
        if message["from"]["id"] != self._state.bot_user["id"]:
            raise bad_request("message can't be edited")
        return chat, message

    async def edit_message_text(self, params: dict[str, Any], files: dict[str, UploadedFile]) -> dict[str, Any]:
        formatted = content.message_text(params, strict_references=self._strict_references)
        _chat, message = self._bot_message(params)
        if "text" not in message:
            raise bad_request("there is no text in the message to edit")
        # Like Telegram, an edit without reply_markup removes the inline keyboard.
        markup = content.inline_keyboard(params.get("reply_markup"))
        unchanged = (
            formatted.text == message["text"]
            and formatted.entities == message.get("entities", [])
            and markup == message.get("reply_markup")
        )
        if unchanged:
            raise bad_request(NOT_MODIFIED)

        message.pop("entities", None)
        message.pop("reply_markup", None)
        message.update(content.text_fields(formatted, text_key="text", entities_key="entities"))
        if markup is not None:
            message["reply_markup"] = markup
        message["edit_date"] = now()
        self._state.sent_changed.notify()
        return copy.deepcopy(message)

    async def edit_message_reply_markup(
        self, params: dict[str, Any], files: dict[str, UploadedFile]
    ) -> dict[str, Any]:
        _chat, message = self._bot_message(params)
        markup = content.inline_keyboard(params.get("reply_markup"))
        if markup == message.get("reply_markup"):
            raise bad_request(NOT_MODIFIED)
        message.pop("reply_markup", None)
        if markup is not None:
            message["reply_markup"] = markup
        message["edit_date"] = now()
        self._state.sent_changed.notify()
        return copy.deepcopy(message)

    async def answer_callback_query(self, params: dict[str, Any], files: dict[str, UploadedFile]) -> bool:
        query = self._state.callback_queries.get(str(params.get("callback_query_id", "")))
        if query is None or "answer" in query:
            raise bad_request("query is too old and response timeout expired or query ID is invalid")
        text = params.get("text") or ""
        if len(text) > content.CALLBACK_ANSWER_MAX_LENGTH:
            raise bad_request("MESSAGE_TOO_LONG")
        query["answer"] = {"text": text, "show_alert": bool(params.get("show_alert", False))}
        return True

    async def send_chat_action(self, params: dict[str, Any], files: dict[str, UploadedFile]) -> bool:
        self.writable_chat(params)
        if params.get("action") not in CHAT_ACTIONS:
            raise bad_request("wrong parameter action in request")
        return True

    async def get_chat(self, params: dict[str, Any], files: dict[str, UploadedFile]) -> dict[str, Any]:
        if "chat_id" not in params:
            raise bad_request("chat_id is empty")
        chat = self._state.chats.get(params["chat_id"])
        if chat is None:
            raise bad_request("chat not found")
        if chat.type != "private" and chat.bot_status == "kicked":
            raise forbidden(f"bot was kicked from the {chat.type} chat")
        return {
            **chat.chat,
            "accent_color_id": 0,
            "max_reaction_count": 11,
            "accepted_gift_types": {
                "unlimited_gifts": False,
                "limited_gifts": False,
                "unique_gifts": False,
                "premium_subscription": False,
                "gifts_from_channels": False,
            },
        }

    # Files

    async def send_photo(self, params: dict[str, Any], files: dict[str, UploadedFile]) -> dict[str, Any]:
        stored = self._input_file(params, files, "photo")
        size = content.image_size(stored.data)
        if size is None:
            raise bad_request("IMAGE_PROCESS_FAILED")
        chat = self.writable_chat(params)
        width, height = size
        fields: dict[str, Any] = {
            "photo": [
                {
                    "file_id": stored.file_id,
                    "file_unique_id": stored.file_unique_id,
                    "width": width,
                    "height": height,
                    "file_size": len(stored.data),
                }
            ]
        }
        fields.update(self._caption_fields(params))
        return self._new_message(chat, params, fields)

    async def send_document(self, params: dict[str, Any], files: dict[str, UploadedFile]) -> dict[str, Any]:
        stored = self._input_file(params, files, "document")
        chat = self.writable_chat(params)
        document: dict[str, Any] = {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "file_name": stored.file_name,
            "file_size": len(stored.data),
        }
        if stored.mime_type:
            document["mime_type"] = stored.mime_type
        fields: dict[str, Any] = {"document": document}
        fields.update(self._caption_fields(params))
        return self._new_message(chat, params, fields)

    def _caption_fields(self, params: dict[str, Any]) -> dict[str, Any]:
        formatted = content.caption(params, strict_references=self._strict_references)
        if formatted is None:
            return {}
        return content.text_fields(formatted, text_key="caption", entities_key="caption_entities")

    def _input_file(self, params: dict[str, Any], files: dict[str, UploadedFile], field: str) -> StoredFile:
        """Return the file sent as ``params[field]``: an upload or the file_id of a stored file."""
        value = params.get(field)
        upload: UploadedFile | None = None
        if isinstance(value, str) and value.startswith("attach://"):
            upload = files.get(value.removeprefix("attach://"))
            if upload is None:
                raise bad_request(f"there is no {field} in the request")
        elif field in files:
            upload = files[field]
        elif isinstance(value, str) and value:
            if value in self._state.files:
                return self._state.files[value]
            if value.startswith(("http://", "https://")):
                raise bad_request("failed to get HTTP URL content")
            raise bad_request("wrong file identifier/HTTP URL specified")
        else:
            raise bad_request(f"there is no {field} in the request")

        if not upload.data:
            raise bad_request("file must be non-empty")
        if len(upload.data) > DOCUMENT_MAX_BYTES:
            raise BotAPIError(413, "Request Entity Too Large")
        return self._store_file(upload, field)

    def _store_file(self, upload: UploadedFile, kind: str) -> StoredFile:
        number = self._next_file_number
        self._next_file_number += 1
        mime_type = upload.content_type
        if not mime_type or mime_type == "application/octet-stream":
            mime_type = mimetypes.guess_type(upload.filename)[0] or mime_type
        extension = mimetypes.guess_extension(mime_type or "") or ""
        stored = StoredFile(
            file_id=f"emulator-{kind}-{number}",
            file_unique_id=f"emulator-unique-{number}",
            file_path=f"{kind}s/file_{number}{extension}",
            file_name=upload.filename,
            mime_type=mime_type,
            data=upload.data,
        )
        self._state.files[stored.file_id] = stored
        return stored

    async def get_file(self, params: dict[str, Any], files: dict[str, UploadedFile]) -> dict[str, Any]:
        stored = self._state.files.get(str(params.get("file_id", "")))
        if stored is None:
            raise bad_request("invalid file_id")
        return {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "file_size": len(stored.data),
            "file_path": stored.file_path,
        }

    # Commands

    def _command_key(self, params: dict[str, Any]) -> tuple[str, int | None, int | None, str]:
        key = content.command_scope_key(params.get("scope"), params.get("language_code"))
        _scope_type, chat_id, _user_id, _language = key
        if chat_id is not None and chat_id not in self._state.chats:
            raise bad_request("chat not found")
        return key

    async def set_my_commands(self, params: dict[str, Any], files: dict[str, UploadedFile]) -> bool:
        commands = content.checked_commands(params.get("commands"))
        key = self._command_key(params)
        if not commands:
            self._state.commands.pop(key, None)
            return True
        scope = params.get("scope") or {"type": "default"}
        self._state.commands[key] = {"scope": scope, "language_code": key[3], "commands": commands}
        return True

    async def get_my_commands(self, params: dict[str, Any], files: dict[str, UploadedFile]) -> list[dict[str, str]]:
        stored = self._state.commands.get(self._command_key(params))
        return copy.deepcopy(stored["commands"]) if stored else []

    async def delete_my_commands(self, params: dict[str, Any], files: dict[str, UploadedFile]) -> bool:
        self._state.commands.pop(self._command_key(params), None)
        return True
