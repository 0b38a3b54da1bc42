from kybra import nat32, nat64, null, Opt, query, Record, update, Variant, Vec
from typing import TypedDict

# A small forum kept in the canister's heap: users open threads, post and
# reply, and react to posts. The interface speaks recursive Candid types
# (a post holds its replies, a thread its posts, a user their threads); the
# state keeps flat records that refer to each other by id.


class Reaction(Variant, total=False):
    Like: null
    Laugh: null
    Emoji: str


class Post(Record):
    id: nat64
    author: str
    text: str
    reactions: Vec[Reaction]
    replies: Vec["Post"]


class Thread(Record):
    id: nat64
    title: str
    author: "User"
    posts: Vec[Post]


class User(Record):
    id: nat64
    name: str
    karma: int
    threads: Vec[Thread]


class Problem(Variant, total=False):
    NoSuchUser: nat64
    NoSuchThread: nat64
    NoSuchPost: nat64
    EmptyText: null


class PostResult(Variant, total=False):
    Ok: Post
    Err: Problem


class ThreadResult(Variant, total=False):
    Ok: Thread
    Err: Problem


class StoredUser(TypedDict):
    name: str
    karma: int
    thread_ids: Vec[nat64]


class StoredThread(TypedDict):
    title: str
    author_id: nat64
    post_ids: Vec[nat64]


class StoredPost(TypedDict):
    author_id: nat64
    text: str
    reactions: Vec[Reaction]
    reply_ids: Vec[nat64]


class Forum(TypedDict):
    users: dict[nat64, StoredUser]
    threads: dict[nat64, StoredThread]
    posts: dict[nat64, StoredPost]
    next_id: nat64


forum: Forum = {"users": {}, "threads": {}, "posts": {}, "next_id": 0}


def new_id() -> nat64:
    id = forum["next_id"]
    forum["next_id"] += 1
    return id


@update
def create_user(name: str) -> User:
    id = new_id()
    forum["users"][id] = {"name": name, "karma": 0, "thread_ids": []}
    return {"id": id, "name": name, "karma": 0, "threads": []}


@update
def open_thread(author_id: nat64, title: str, text: str) -> ThreadResult:
    if author_id not in forum["users"]:
        return {"Err": {"NoSuchUser": author_id}}
    if len(text) == 0:
        return {"Err": {"EmptyText": None}}
    thread_id = new_id()
    post_id = new_id()
    forum["posts"][post_id] = {
        "author_id": author_id,
        "text": text,
        "reactions": [],
        "reply_ids": [],
    }
    forum["threads"][thread_id] = {
        "title": title,
        "author_id": author_id,
        "post_ids": [post_id],
    }
    author = forum["users"][author_id]
    author["thread_ids"].append(thread_id)
    author["karma"] += 1
    return {"Ok": thread_view(thread_id, 1)}


@update
def post(thread_id: nat64, author_id: nat64, text: str) -> PostResult:
    if thread_id not in forum["threads"]:
        return {"Err": {"NoSuchThread": thread_id}}
    if author_id not in forum["users"]:
        return {"Err": {"NoSuchUser": author_id}}
    post_id = new_id()
    forum["posts"][post_id] = {
        "author_id": author_id,
        "text": text,
        "reactions": [],
        "reply_ids": [],
    }
    forum["threads"][thread_id]["post_ids"].append(post_id)
    forum["users"][author_id]["karma"] += 1
    return {"Ok": post_view(post_id)}


@update
def reply(post_id: nat64, author_id: nat64, text: str) -> PostResult:
    if post_id not in forum["posts"]:
        return {"Err": {"NoSuchPost": post_id}}
    if author_id not in forum["users"]:
        return {"Err": {"NoSuchUser": author_id}}
    reply_id = new_id()
    forum["posts"][reply_id] = {
        "author_id": author_id,
        "text": text,
        "reactions": [],
        "reply_ids": [],
    }
    parent = forum["posts"][post_id]
    parent["reply_ids"].append(reply_id)
    return {"Ok": post_view(post_id)}


@update
def react(post_id: nat64, reaction: Reaction) -> PostResult:
    if post_id not in forum["posts"]:
        return {"Err": {"NoSuchPost": post_id}}
    stored = forum["posts"][post_id]
    stored["reactions"].append(reaction)
    if "Like" in reaction:
        forum["users"][stored["author_id"]]["karma"] += 2
    return {"Ok": post_view(post_id)}


def post_view(post_id: nat64) -> Post:
    stored = forum["posts"][post_id]
    replies: Vec[Post] = []
    for reply_id in stored["reply_ids"]:
        replies.append(post_view(reply_id))
    return {
        "id": post_id,
        "author": forum["users"][stored["author_id"]]["name"],
        "text": stored["text"],
        "reactions": stored["reactions"],
        "replies": replies,
    }


def thread_view(thread_id: nat64, depth: nat32) -> Thread:
    stored = forum["threads"][thread_id]
    posts: Vec[Post] = []
    for post_id in stored["post_ids"]:
        posts.append(post_view(post_id))
    return {
        "id": thread_id,
        "title": stored["title"],
        "author": user_view(stored["author_id"], depth - 1),
        "posts": posts,
    }


def user_view(user_id: nat64, depth: nat32) -> User:
    stored = forum["users"][user_id]
    threads: Vec[Thread] = []
    if depth > 0:
        for thread_id in stored["thread_ids"]:
            threads.append(thread_view(thread_id, depth - 1))
    return {
        "id": user_id,
        "name": stored["name"],
        "karma": stored["karma"],
        "threads": threads,
    }


@query
def get_user(user_id: nat64, depth: nat32) -> Opt[User]:
    if user_id not in forum["users"]:
        return None
    return user_view(user_id, depth)


@query
def get_thread(thread_id: nat64, depth: nat32) -> Opt[Thread]:
    if thread_id not in forum["threads"]:
        return None
    return thread_view(thread_id, depth)


@query
def leaderboard() -> Vec[User]:
    board: Vec[User] = []
    for user_id, stored in forum["users"].items():
        board.append({"id": user_id, "name": stored["name"], "karma": stored["karma"], "threads": []})
    return board


@query
def echo_thread(t: Thread) -> Thread:
    return t


@query
def echo_result(r: PostResult) -> PostResult:
    return r


@query
def karma_of(user_id: nat64) -> int:
    if user_id not in forum["users"]:
        raise KeyError(user_id)
    if forum["users"][user_id]["karma"] < 0:
        raise ValueError(f"user {user_id} has negative karma")
    return forum["users"][user_id]["karma"]
