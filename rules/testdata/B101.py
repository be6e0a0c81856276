def delete(user):
    assert user.is_admin  # want: B101
    assert (user.id,  # want: B101
            "message")
    if not user.is_admin:
        raise PermissionError(user)
